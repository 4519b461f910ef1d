import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** One call of the fake `pulumi`: its arguments, folder, a few environment variables and the config file it got. */
export interface PulumiCall {
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  configFile?: string;
}

/**
 * A stand-in for the Pulumi CLI on PATH: answers what the Automation API asks (version, whoami, stack select,
 * outputs, history) and records every call to a log, so a test can assert what would have been run.
 * FAKE_PULUMI_LOGGED_OUT=1 makes whoami fail; FAKE_PULUMI_EXIT sets the exit code of preview/up/destroy.
 */
export function fakePulumi(): { bin: string; calls: () => PulumiCall[] } {
  const bin = mkdtempSync(join(tmpdir(), "fake-pulumi-"));
  const log = join(bin, "calls.jsonl");
  const script = `#!${process.execPath}
const fs = require("fs");
const args = process.argv.slice(2);
const at = args.indexOf("--config-file");
const keep = ["PULUMI_SKIP_UPDATE_CHECK", "AWS_PROFILE", "PULUMI_BACKEND_URL", "PULUMI_CONFIG_PASSPHRASE", "MESH_SECRET_KEY"];
const env = Object.fromEntries(keep.map((k) => [k, process.env[k]]));
const call = { args, cwd: process.cwd(), env, configFile: at >= 0 ? fs.readFileSync(args[at + 1], "utf8") : undefined };
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(call) + "\\n");
const cmd = args[0];
if (cmd === "version") { console.log("v3.150.0"); process.exit(0); }
if (cmd === "whoami") {
  if (process.env.FAKE_PULUMI_LOGGED_OUT === "1") { console.error("error: no credentials; please run pulumi login"); process.exit(255); }
  console.log(JSON.stringify({ user: "tester", url: "file://~", organizations: [] })); process.exit(0);
}
if (cmd === "stack" && (args[1] === "output")) { console.log("{}"); process.exit(0); }
if (cmd === "stack" && (args[1] === "history")) { console.log("[]"); process.exit(0); }
if (cmd === "stack") process.exit(0);
if (["preview", "up", "destroy"].includes(cmd)) {
  console.log("fake pulumi " + cmd + " of " + args[args.indexOf("--stack") + 1]);
  // The engine's last event, which the Automation API reads from --event-log for the change summary.
  const log = args.indexOf("--event-log");
  if (log >= 0) fs.appendFileSync(args[log + 1], JSON.stringify({ sequence: 0, timestamp: 0, summaryEvent: { resourceChanges: { same: 1 } } }) + "\\n");
  process.exit(Number(process.env.FAKE_PULUMI_EXIT ?? 0));
}
process.exit(0);
`;
  writeFileSync(join(bin, "pulumi"), script);
  chmodSync(join(bin, "pulumi"), 0o755);
  return {
    bin,
    calls: () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n").map((l) => JSON.parse(l) as PulumiCall) : []),
  };
}
