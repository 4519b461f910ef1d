import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULES } from "../../components/policies/catalog";
import { T } from "../../components/policies/helpers/types";
import { packPolicies, violationMessage } from "../../components/policies/pack-policies";
import { evaluate } from "../../components/policies/runner";
import type { PolicyResource } from "../../components/policies/types";
import { WAIVER_EXPIRED } from "../../components/policies/waivers";
import { type Diagnostic, RunningPack } from "./analyzer-client";
import { Mutable } from "./mutate";
import { recordFixture } from "./recorded";

// The real PolicyPack, started the way the Pulumi CLI starts it and driven over its gRPC Analyzer interface.
let pack: RunningPack;
let fixture: PolicyResource[];

beforeAll(async () => {
  [pack, fixture] = await Promise.all([RunningPack.start(), recordFixture()]);
});
afterAll(() => pack?.stop());

/** The fixture with mandatory and advisory findings, an active waiver and an expired one. */
function scenario(): PolicyResource[] {
  const m = new Mutable(fixture);
  m.inputs(T.kmsKey, "sales-key").enableKeyRotation = false;
  m.policy(T.bucketPolicy, "sales-orders-bucket-policy", (d) => Mutable.dropStatement(d, "DenyInsecureTransport"));
  m.inputs(T.domain, "sales").waivers = [
    { rule: "k8s-image-digest", resource: "sales-orders-pipeline", reason: "rebuilt by digest in the next release train", expires: "2099-12-31" },
    { rule: "s3-mfa-delete", resource: "sales-orders-bucket", reason: "root-only setting, tracked in the platform backlog", expires: "2001-01-01" },
  ];
  return m.resources;
}

const key = (d: Diagnostic) => `${d.enforcement} ${d.policy} ${d.urn}\n${d.message}`;

describe("the policy pack", () => {
  it("serves one policy per rule, plus the waiver check, with the rule's enforcement level", async () => {
    const info = await pack.info();
    expect(info.getName()).toBe("data-mesh");
    expect(info.getVersion()).toBe(require("../../components/package.json").version);
    const policies = info.getPoliciesList().map((p) => [p.getName(), p.getEnforcementlevel()]);
    expect(policies).toEqual([
      ...RULES.map((r) => [r.id, r.severity === "mandatory" ? 1 : 0]),
      [WAIVER_EXPIRED, 1],
    ]);
  });

  it("reports exactly the offline runner's findings, each on its resource's URN", async () => {
    const resources = scenario();
    const descriptions = new Map(packPolicies().map((p) => [p.name, p.description]));
    const offline = evaluate(resources).map((f) => ({ enforcement: f.severity, policy: f.rule, urn: f.urn, message: `${descriptions.get(f.rule)}\n${violationMessage(f)}` }));
    const served = await pack.analyzeStack(resources);
    expect(served.map(key).sort()).toEqual(offline.map(key).sort());
    // The scenario exercises every kind of result: blocking, waived, expired waiver.
    expect(served.filter((d) => d.enforcement === "mandatory").map((d) => d.policy).sort()).toEqual(["governance-waiver-expired", "kms-key-rotation", "s3-tls-only"]);
    expect(served.some((d) => d.message.includes("[waived until 2099-12-31: rebuilt by digest"))).toBe(true);
  });

  it("during a preview, skips a resource whose checked value is unknown and says the rule could not fully run", async () => {
    const m = new Mutable(scenario());
    // What the engine sends for a value it cannot know before the update.
    m.inputs(T.kmsKey, "sales-key").enableKeyRotation = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    m.inputs(T.kmsKey, "clinic-key").enableKeyRotation = false;
    const rotation = (await pack.analyzeStack(m.resources)).filter((d) => d.policy === "kms-key-rotation");
    expect(rotation.filter((d) => d.enforcement === "mandatory").map((d) => d.urn)).toEqual([m.get(T.kmsKey, "clinic-key").urn]);
    expect(rotation).toContainEqual(expect.objectContaining({ enforcement: "advisory", message: expect.stringContaining("can't run policy 'kms-key-rotation'") }));
  });
});
