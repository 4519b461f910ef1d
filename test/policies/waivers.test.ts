import { beforeAll, describe, expect, it } from "vitest";
import { RULES } from "../../components/policies/catalog";
import { T } from "../../components/policies/helpers/types";
import { blocking, evaluate } from "../../components/policies/runner";
import type { PolicyResource } from "../../components/policies/types";
import { WAIVER_EXPIRED } from "../../components/policies/waivers";
import { ConfigError } from "../../components/src/config/errors";
import { loadMesh } from "../../components/src/config/load-mesh";
import { resolveDomainStack } from "../../components/src/blueprint/resolve";
import { copyMesh, setYaml } from "../helpers/fixture";
import { Mutable } from "./mutate";
import { recordFixture } from "./recorded";
import { configErrorAfter } from "../helpers/config-error";

let fixture: PolicyResource[];
beforeAll(async () => {
  fixture = await recordFixture();
});

const TODAY = "2026-06-01";
const REASON = "the orders image is rebuilt by digest in the next release train";
const digestWaiver = (expires: string, resource = "sales-orders-pipeline") => ({ rule: "k8s-image-digest", resource, reason: REASON, expires });

function withWaivers(domain: string, waivers: unknown[]): PolicyResource[] {
  const m = new Mutable(fixture);
  m.inputs(T.domain, domain).waivers = waivers;
  return m.resources;
}

const digestFindingOn = (findings: ReturnType<typeof evaluate>, resource: string) => findings.find((f) => f.rule === "k8s-image-digest" && f.resource === resource)!;

describe("waivers in the runner", () => {
  it("mark an advisory finding of the waived resource until the expiry date, and nothing else", () => {
    const findings = evaluate(withWaivers("sales", [digestWaiver("2026-12-31")]), { today: TODAY });
    expect(digestFindingOn(findings, "sales-orders-pipeline").waived).toEqual({ reason: REASON, expires: "2026-12-31" });
    expect(digestFindingOn(findings, "sales-orders-quality").waived).toBeUndefined();
    expect(findings.some((f) => f.rule === WAIVER_EXPIRED)).toBe(false);
    expect(blocking(findings)).toEqual([]);
  });

  it("still hold on their expiry date", () => {
    const findings = evaluate(withWaivers("sales", [digestWaiver(TODAY)]), { today: TODAY });
    expect(digestFindingOn(findings, "sales-orders-pipeline").waived).toBeDefined();
  });

  it("turn into a mandatory finding on the domain once expired, and waive nothing", () => {
    const findings = evaluate(withWaivers("sales", [digestWaiver("2026-05-31")]), { today: TODAY });
    expect(digestFindingOn(findings, "sales-orders-pipeline").waived).toBeUndefined();
    const expired = blocking(findings);
    expect(expired).toEqual([expect.objectContaining({
      rule: WAIVER_EXPIRED,
      severity: "mandatory",
      resource: "sales",
      urn: fixture.find((r) => r.type === T.domain && r.name === "sales")!.urn,
      message: "the waiver of k8s-image-digest for sales-orders-pipeline expired on 2026-05-31",
    })]);
  });

  it("cover only the declaring domain's own resources", () => {
    const findings = evaluate(withWaivers("analytics", [digestWaiver("2026-12-31")]), { today: TODAY });
    expect(digestFindingOn(findings, "sales-orders-pipeline").waived).toBeUndefined();
  });

  it("never cover a mandatory rule, even when one slips past the config check", () => {
    const m = new Mutable(fixture);
    m.inputs(T.kmsKey, "sales-key").enableKeyRotation = false;
    m.inputs(T.domain, "sales").waivers = [{ rule: "kms-key-rotation", resource: "sales-key", reason: REASON, expires: "2026-12-31" }];
    const findings = evaluate(m.resources, { today: TODAY });
    expect(blocking(findings)).toEqual([expect.objectContaining({ rule: "kms-key-rotation", resource: "sales-key" })]);
    expect(blocking(findings)[0]!.waived).toBeUndefined();
  });
});

describe("waivers in domain.yaml", () => {
  const advisory = RULES.filter((r) => r.severity === "advisory").map((r) => r.id);

  const errorOf = (waivers: unknown[]): ConfigError => configErrorAfter((root) => setYaml(root, "domains/sales/domain.yaml", ["waivers"], waivers));

  it("reject an unknown rule id, naming the file, the field and the waivable rules", () => {
    const e = errorOf([digestWaiver("2026-12-31"), { ...digestWaiver("2026-12-31"), rule: "k8s-image-digets" }]);
    expect(e.file).toBe("domains/sales/domain.yaml");
    expect(e.field).toBe("waivers[1].rule");
    expect(e.problem).toBe(`"k8s-image-digets" is not a governance rule; advisory rules that may be waived: ${advisory.join(", ")}`);
  });

  it("reject a mandatory rule", () => {
    const e = errorOf([{ ...digestWaiver("2026-12-31"), rule: "s3-tls-only", resource: "sales-orders-bucket" }]);
    expect(e.message).toBe(`domains/sales/domain.yaml: waivers[0].rule: s3-tls-only is mandatory and cannot be waived; advisory rules that may be waived: ${advisory.join(", ")}`);
  });

  it("accept an advisory rule and hand it to the Domain component's inputs", async () => {
    const root = copyMesh();
    setYaml(root, "domains/sales/domain.yaml", ["waivers"], [digestWaiver("2026-12-31")]);
    const spec = resolveDomainStack(loadMesh(root), "sales", "dev");
    const { describeDomain } = await import("../../components/src/blueprint/domain");
    expect(describeDomain(spec).waivers).toEqual([digestWaiver("2026-12-31")]);
  });
});
