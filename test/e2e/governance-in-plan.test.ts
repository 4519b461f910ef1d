import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { StackManifest } from "../../cli/src/plan/manifest";
import { mesh } from "../helpers/cli";
import { copyMesh, setYaml } from "../helpers/fixture";

describe("governance inside mesh plan", () => {
  it("records findings in each manifest and reports advisory ones without blocking", () => {
    const root = copyMesh();
    const run = mesh(["plan", "--root", root, "--out", join(root, "out"), "--stack", "clinic-dev", "--verbose"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/governance: 0 mandatory, \d+ advisory finding\(s\)/);
    const manifest = JSON.parse(readFileSync(join(root, "out", "plan", "clinic-dev.json"), "utf8")) as StackManifest;
    expect(manifest.findings!.length).toBeGreaterThan(0);
    expect(manifest.findings!.every((f) => f.severity === "advisory")).toBe(true);
    expect(readFileSync(join(root, "out", "plan", "plan.md"), "utf8")).toMatch(/Governance: \d+ advisory finding\(s\)/);
  });

  it("blocks with exit 3 on a mandatory finding: PHI in a domain that does not declare HIPAA", () => {
    const root = copyMesh();
    setYaml(root, "domains/clinic/domain.yaml", ["compliance"], []);
    const run = mesh(["plan", "--root", root, "--out", join(root, "out"), "--stack", "clinic-dev"]);
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(/GOVERNANCE clinic-dev \S+: hipaa-phi-in-hipaa-domain: /);
    // The manifests are still written, so the reviewer can see what was planned.
    expect(JSON.parse(readFileSync(join(root, "out", "plan", "summary.json"), "utf8")).blocking.length).toBeGreaterThan(0);
  });

  it("shows a waived advisory finding with its reason and expiry", () => {
    const root = copyMesh();
    setYaml(root, "domains/clinic/domain.yaml", ["waivers"], [{ rule: "s3-mfa-delete", resource: "clinic-visits-bucket", reason: "MFA delete needs the root user; tracked in SEC-481 for the account baseline", expires: "2099-01-31" }]);
    const run = mesh(["plan", "--root", root, "--out", join(root, "out"), "--stack", "clinic-dev", "--verbose"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("advisory s3-mfa-delete clinic-visits-bucket: versioning does not require MFA delete (waived until 2099-01-31: MFA delete needs the root user; tracked in SEC-481 for the account baseline)");
  });

  it("fails on an expired waiver", () => {
    const root = copyMesh();
    setYaml(root, "domains/clinic/domain.yaml", ["waivers"], [{ rule: "s3-mfa-delete", resource: "clinic-visits-bucket", reason: "MFA delete needs the root user; tracked in SEC-481 for the account baseline", expires: "2020-01-31" }]);
    const run = mesh(["plan", "--root", root, "--out", join(root, "out"), "--stack", "clinic-dev"]);
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(/governance-waiver-expired: the waiver of s3-mfa-delete for clinic-visits-bucket expired on 2020-01-31/);
  });

  it("refuses to waive a mandatory rule, as a config error", () => {
    const root = copyMesh();
    setYaml(root, "domains/clinic/domain.yaml", ["waivers"], [{ rule: "s3-tls-only", resource: "clinic-visits-bucket", reason: "we would like plain HTTP for a legacy reader, please", expires: "2099-01-31" }]);
    const run = mesh(["plan", "--root", root, "--out", join(root, "out")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: domains\/clinic\/domain.yaml: waivers\[0\]\.rule: s3-tls-only is mandatory and cannot be waived/);
  });
});
