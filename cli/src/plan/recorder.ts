import { createHmac } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import * as settings from "@pulumi/pulumi/runtime/settings";
import * as state from "@pulumi/pulumi/runtime/state";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import { installLazyStructs, readStruct } from "./lazy-struct";
import { type ManifestResource, SECRET_MASK } from "./manifest";
import { type Location, mockState } from "./mock-state";

const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/**
 * Replaces Pulumi secret envelopes with a mask, so manifests never hold secrets. The mask carries a keyed digest
 * (MESH_SECRET_KEY, shared by a plan and its base) so a diff can tell that a secret changed without showing it.
 * Only the objects and arrays on the way to a secret are copied: the rest is the monitor's own copy of the inputs
 * (nothing modifies it), and copying every input of every resource was garbage for nothing.
 */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const masked = maskSecrets(value[i]);
      if (masked !== value[i] && !out) out = value.slice(0, i);
      out?.push(masked);
    }
    return out ?? value;
  }
  if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if (obj[SECRET_SIG_KEY] === SECRET_SIG) {
      const key = process.env.MESH_SECRET_KEY;
      return key ? `[secret:${createHmac("sha256", key).update(JSON.stringify(obj.value ?? null)).digest("hex").slice(0, 16)}]` : SECRET_MASK;
    }
    let out: Record<string, unknown> | undefined;
    const keys = Object.keys(obj);
    for (let i = 0; i < keys.length; i++) {
      const v = obj[keys[i]!];
      const masked = maskSecrets(v);
      if (masked !== v && !out) {
        out = {};
        for (let j = 0; j < i; j++) out[keys[j]!] = obj[keys[j]!];
      }
      if (out) out[keys[i]!] = masked;
    }
    return out ?? obj;
  }
  return value;
}

/** The fields of a RegisterResourceRequest the monitor reads (the protobuf class is internal to the SDK). */
interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getProtect(): boolean;
  getRetainondelete(): boolean;
  getDependenciesList(): string[];
  getProvider(): string;
  getObject(): structproto.Struct | undefined;
  getAliasesList(): { getUrn(): string; hasSpec(): boolean; getSpec(): { toObject(): Record<string, unknown> } | undefined }[];
  getReplaceonchangesList(): string[];
  getIgnorechangesList(): string[];
  getDeletebeforereplace(): boolean;
}

type Callback = (err: unknown, resp?: unknown) => void;

/**
 * A light, recording resource monitor for the SDK's mock mode. Unlike the SDK's MockMonitor it echoes the
 * request's serialised inputs back as state without deserialising and re-serialising them (the dominant cost
 * of a large offline plan), builds URNs the way the Pulumi engine does (the whole parent type chain, where
 * MockMonitor keeps only the last parent type), and records what the manifest needs: parent, dependencies,
 * protect/retain flags, provider and aliases.
 */
export class RecordingMonitor {
  readonly resources: ManifestResource[] = [];
  private readonly urns = new Set<string>();
  private readonly providers = new Map<string, Location>();

  constructor(private readonly project: string, private readonly stack: string, private readonly fallback: Location) {}

  /** The URN the engine would assign: `urn:pulumi:<stack>::<project>::<parent type chain>$<type>::<name>`. */
  urnOf(parent: string, type: string, name: string): string {
    const qualified = parent ? `${parent.split("::")[2]}$${type}` : type;
    return `urn:pulumi:${this.stack}::${this.project}::${qualified}::${name}`;
  }

  /** Provider inputs reach the monitor as strings; lists such as allowedAccountIds are JSON-encoded. */
  private providerLocation(inputs: Record<string, any>): Location {
    const accounts = typeof inputs.allowedAccountIds === "string" ? JSON.parse(inputs.allowedAccountIds) : inputs.allowedAccountIds;
    return { region: inputs.region ?? this.fallback.region, account: accounts?.[0] ?? this.fallback.account };
  }

  private locate(provider: string, type: string, inputs: Record<string, any>): Location {
    if (type.startsWith("pulumi:providers:aws")) return this.providerLocation(inputs);
    const urn = provider ? provider.slice(0, provider.lastIndexOf("::")) : "";
    return this.providers.get(urn) ?? this.fallback;
  }

  registerResource(req: RegisterRequest, callback: Callback): void {
    try {
      const type = req.getType();
      const name = req.getName();
      const parent = req.getParent();
      // Read without a copy (lazy-struct.ts): nothing here modifies the inputs.
      const object = req.getObject();
      const inputs = (object ? readStruct(object) : {}) as Record<string, any>;
      const urn = this.urnOf(parent, type, name);
      // The engine refuses a second registration of a URN (pkg/resource/deploy/step_generator.go, diag 2001).
      if (this.urns.has(urn)) throw new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`);
      this.urns.add(urn);
      const custom = req.getCustom();
      const { id, state: outputs } = mockState(type, name, inputs, this.locate(req.getProvider(), type, inputs));
      // The SDK adds type aliases of its own (BucketV2 → Bucket); keep each alias once.
      const aliases = [...new Map(req.getAliasesList().map((a) => {
        const alias = a.hasSpec() ? a.getSpec()!.toObject() : a.getUrn();
        return [JSON.stringify(alias), alias] as const;
      })).values()];
      const arn = outputs.arn ?? outputs.dashboardArn;
      // Options that change what the engine does with a diff (replace, ignore, delete first): kept only when set.
      const replaceOnChanges = req.getReplaceonchangesList();
      const ignoreChanges = req.getIgnorechangesList();
      this.resources.push({
        urn,
        type,
        name,
        custom,
        id: custom ? id : undefined,
        parent: parent || undefined,
        provider: req.getProvider() || undefined,
        dependsOn: [...new Set(req.getDependenciesList())].sort(),
        protect: req.getProtect(),
        retainOnDelete: req.getRetainondelete(),
        aliases,
        inputs: maskSecrets(inputs) as Record<string, unknown>,
        ...(replaceOnChanges.length > 0 ? { replaceOnChanges } : {}),
        ...(ignoreChanges.length > 0 ? { ignoreChanges } : {}),
        ...(req.getDeletebeforereplace() ? { deleteBeforeReplace: true } : {}),
        arn: typeof arn === "string" ? arn : undefined,
      });
      if (type.startsWith("pulumi:providers:aws")) this.providers.set(urn, this.providerLocation(inputs));
      // The SDK reads the response through these getters only; handing it the state as a plain object spares
      // a protobuf Struct round trip per resource.
      callback(null, {
        getUrn: () => urn,
        getId: () => (custom ? id : ""),
        getObject: () => ({ toJavaScript: () => outputs }),
        getPropertydependenciesMap: () => undefined,
        getResult: () => 0,
      });
    } catch (e) {
      callback(e);
    }
  }

  registerResourceOutputs(_req: unknown, callback: Callback): void {
    callback(null, {});
  }

  supportsFeature(req: { getId(): string }, callback: Callback): void {
    // As in the SDK's mocks: no output values, so inputs arrive as plain values.
    const supported = req.getId() !== "outputValues";
    callback(null, { getHassupport: () => supported });
  }

  invoke(req: { getArgs(): structproto.Struct | undefined }, callback: Callback): void {
    const response = new provproto.InvokeResponse();
    response.setReturn(structproto.Struct.fromJavaScript((req.getArgs()?.toJavaScript() ?? {}) as never));
    callback(null, response);
  }

  registerPackage(_req: unknown, callback: Callback): void {
    const response = new resproto.RegisterPackageResponse();
    response.setRef("mock-package");
    callback(null, response);
  }
}

/**
 * Points the Pulumi runtime at a fresh recording monitor for one stack: resets every runtime setting (as
 * `setMocks` does), replaces the whole stack config, and enables the features the mocks support.
 */
export function installRecordingMonitor(project: string, stack: string, config: Record<string, string>, fallback: Location): RecordingMonitor {
  // The SDK's requests reach this monitor only: their inputs need no protobuf encoding (lazy-struct.ts).
  installLazyStructs();
  const monitor = new RecordingMonitor(project, stack, fallback);
  settings.setMockOptions(monitor, project, stack, false);
  const store = (state as unknown as { getStore(): Record<string, unknown> }).getStore();
  store.config = {};
  // Same flags as `pulumi.runtime.setMocks`.
  Object.assign(store, {
    supportsSecrets: true,
    supportsResourceReferences: true,
    supportsOutputValues: false,
    supportsDeletedWith: true,
    supportsReplaceWith: true,
    supportsAliasSpecs: true,
    supportsTransforms: false,
    supportsParameterization: true,
    supportsResourceHooks: true,
    supportsErrorHooks: true,
  });
  pulumi.runtime.setAllConfig(config);
  return monitor;
}

/** Waits until every registration declared so far has been answered. */
export function settle(): Promise<void> {
  return (settings as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
}
