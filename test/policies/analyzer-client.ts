import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import type * as Grpc from "@grpc/grpc-js";
import type * as AnalyzerGrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type * as Analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import type * as StructPb from "google-protobuf/google/protobuf/struct_pb";
import type * as EmptyPb from "google-protobuf/google/protobuf/empty_pb";
import type { PolicyResource } from "../../components/policies/types";
import { REPO } from "../helpers/fixture";

// The generated clients check message classes by identity, so load grpc and protobuf from @pulumi/pulumi's own copies.
const requireFromPulumi = createRequire(createRequire(__filename).resolve("@pulumi/pulumi/proto/analyzer_grpc_pb"));
const grpc = requireFromPulumi("@grpc/grpc-js") as typeof Grpc;
const services = requireFromPulumi("./analyzer_grpc_pb") as typeof AnalyzerGrpc;
export const messages = requireFromPulumi("./analyzer_pb") as typeof Analyzer;
const { Struct } = requireFromPulumi("google-protobuf/google/protobuf/struct_pb") as typeof StructPb;
const { Empty } = requireFromPulumi("google-protobuf/google/protobuf/empty_pb") as typeof EmptyPb;

export const PACK_DIR = join(REPO, "components", "policies");

/** A diagnostic as the Pulumi engine receives it from the pack. */
export interface Diagnostic {
  policy: string;
  urn: string;
  message: string;
  enforcement: "advisory" | "mandatory";
}

/** The policy pack running as the Pulumi CLI runs it (`node index.js` in its folder), and a client to its Analyzer service. */
export class RunningPack {
  private constructor(private readonly child: ChildProcess, private readonly client: AnalyzerGrpc.AnalyzerClient) {}

  /** Starts the pack and waits for the gRPC port it prints on stdout. */
  static async start(timeoutMs = 20_000): Promise<RunningPack> {
    const child = spawn(process.execPath, ["index.js"], { cwd: PACK_DIR, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d));
    const port = await new Promise<string>((resolve, reject) => {
      let stdout = "";
      const timer = setTimeout(() => reject(new Error(`the pack printed no port within ${timeoutMs} ms: ${stderr}`)), timeoutMs);
      child.stdout!.on("data", (d) => {
        stdout += d;
        const line = stdout.split("\n")[0]!.trim();
        if (stdout.includes("\n") && /^\d+$/.test(line)) {
          clearTimeout(timer);
          resolve(line);
        }
      });
      child.on("exit", (code) => reject(new Error(`the pack exited with ${code}: ${stderr}`)));
    });
    return new RunningPack(child, new services.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure()));
  }

  info(): Promise<Analyzer.AnalyzerInfo> {
    return new Promise((resolve, reject) => this.client.getAnalyzerInfo(new Empty(), (err, res) => (err ? reject(err) : resolve(res))));
  }

  /** Sends a whole stack, as the engine does at the end of a preview, and returns the pack's diagnostics. */
  analyzeStack(resources: readonly PolicyResource[]): Promise<Diagnostic[]> {
    const request = new messages.AnalyzeStackRequest();
    request.setResourcesList(resources.map(toAnalyzerResource));
    return new Promise((resolve, reject) => this.client.analyzeStack(request, (err, res) => (err ? reject(err) : resolve(res.getDiagnosticsList().map((d) => ({
      policy: d.getPolicyname(),
      urn: d.getUrn(),
      message: d.getMessage(),
      enforcement: d.getEnforcementlevel() === messages.EnforcementLevel.MANDATORY ? "mandatory" : "advisory",
    }))))));
  }

  stop(): void {
    this.client.close();
    this.child.kill();
  }
}

function toAnalyzerResource(r: PolicyResource): Analyzer.AnalyzerResource {
  const options = new messages.AnalyzerResourceOptions();
  options.setProtect(r.protect);
  options.setParent(r.parent ?? "");
  const resource = new messages.AnalyzerResource();
  resource.setType(r.type);
  resource.setUrn(r.urn);
  resource.setName(r.name);
  resource.setParent(r.parent ?? "");
  resource.setDependenciesList(r.dependsOn);
  resource.setOptions(options);
  resource.setProperties(Struct.fromJavaScript(r.inputs as never));
  return resource;
}
