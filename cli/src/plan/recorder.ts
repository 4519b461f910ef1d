import type * as pulumi from "@pulumi/pulumi";
import { type ManifestResource, SECRET_MASK } from "./manifest";
import { type Location, mockState } from "./mock-state";

const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Replaces Pulumi secret envelopes in deserialised inputs with a mask, so manifests never hold secrets. */
function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if (obj[SECRET_SIG_KEY] === SECRET_SIG) return SECRET_MASK;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) out[k] = maskSecrets(v);
    return out;
  }
  return value;
}

/** The fields of a RegisterResourceRequest the recorder reads (the protobuf class is internal to the SDK). */
interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getProtect(): boolean;
  getRetainondelete(): boolean;
  getDependenciesList(): string[];
  getProvider(): string;
  getAliasesList(): { getUrn(): string; hasSpec(): boolean; getSpec(): { toObject(): Record<string, unknown> } | undefined }[];
}

type Callback = (err: unknown, resp?: { getUrn(): string; getId(): string }) => void;

interface Monitor {
  registerResource(req: RegisterRequest, cb: Callback): unknown;
}

/**
 * A recording mock monitor: the SDK's MockMonitor does the registration, and this wraps it to keep what the
 * mocks alone never see (parent, dependencies, protect/retain flags, provider, aliases) next to the inputs.
 */
export class Recorder {
  readonly resources: ManifestResource[] = [];
  private pending: ManifestResource | undefined;
  private readonly providers = new Map<string, Location>();

  constructor(private readonly fallback: Location) {}

  /** The mocks to pass to `pulumi.runtime.setMocks`. */
  readonly mocks: pulumi.runtime.Mocks = {
    newResource: (args) => {
      const record = this.pending;
      this.pending = undefined;
      const at = this.locate(args.provider, args.type, args.inputs);
      const { id, state } = mockState(args.type, args.name, args.inputs, at);
      if (record) {
        record.inputs = maskSecrets(args.inputs) as Record<string, unknown>;
        record.id = id;
        const arn = state.arn ?? state.dashboardArn;
        if (typeof arn === "string") record.arn = arn;
      }
      return { id, state };
    },
    call: (args) => args.inputs,
  };

  /** Provider inputs reach the monitor as strings; lists such as allowedAccountIds are JSON-encoded. */
  private providerLocation(inputs: Record<string, any>): Location {
    const accounts = typeof inputs.allowedAccountIds === "string" ? JSON.parse(inputs.allowedAccountIds) : inputs.allowedAccountIds;
    return { region: inputs.region ?? this.fallback.region, account: accounts?.[0] ?? this.fallback.account };
  }

  private locate(provider: string | undefined, type: string, inputs: Record<string, any>): Location {
    if (type.startsWith("pulumi:providers:aws")) return this.providerLocation(inputs);
    const urn = provider?.split("::").slice(0, -1).join("::");
    return (urn && this.providers.get(urn)) || this.fallback;
  }

  /** Wraps the monitor installed by setMocks. MockMonitor calls `newResource` synchronously, before its first await. */
  attach(monitor: Monitor): void {
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, cb) => {
      // The SDK adds type aliases of its own (BucketV2 → Bucket); keep each alias once.
      const aliases = [...new Map(req.getAliasesList().map((a) => {
        const alias = a.hasSpec() ? a.getSpec()!.toObject() : a.getUrn();
        return [JSON.stringify(alias), alias] as const;
      })).values()];
      const record: ManifestResource = {
        urn: "",
        type: req.getType(),
        name: req.getName(),
        custom: req.getCustom(),
        parent: req.getParent() || undefined,
        provider: req.getProvider() || undefined,
        dependsOn: [...new Set(req.getDependenciesList())].sort(),
        protect: req.getProtect(),
        retainOnDelete: req.getRetainondelete(),
        aliases,
        inputs: {},
      };
      this.pending = record;
      return register(req, (err, resp) => {
        if (!err && resp) {
          record.urn = resp.getUrn();
          if (record.type.startsWith("pulumi:providers:aws")) this.providers.set(record.urn, this.providerLocation(record.inputs));
          this.resources.push(record);
        }
        cb(err, resp);
      });
    };
  }
}
