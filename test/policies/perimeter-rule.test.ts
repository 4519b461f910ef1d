import { beforeAll, describe, expect, it } from "vitest";
import { T } from "../../components/policies/helpers/types";
import { evaluate } from "../../components/policies/runner";
import type { PolicyResource } from "../../components/policies/types";
import { Mutable } from "./mutate";
import { recordFixture } from "./recorded";

/**
 * mesh-sensitive-data-perimeter on the recorded fixture: clinic is a HIPAA domain (PHI, restricted), sales a GDPR
 * domain with a confidential product and a consumer. The rule decides from the declarations (compliance,
 * classification), and accepts only a deny for everyone the mesh does not declare.
 */
let fixture: PolicyResource[];
beforeAll(async () => {
  fixture = await recordFixture();
});

const RULE = "mesh-sensitive-data-perimeter";
const findings = (m: Mutable) => evaluate(m.resources).filter((f) => f.rule === RULE).map((f) => `${f.resource}: ${f.message}`).sort();
const perimeterOf = (d: { Statement: Record<string, any>[] }) => Mutable.statement(d, "DataPerimeterDeclaredPrincipalsOnly");

describe("the data perimeter rule", () => {
  it("passes on the blueprint, which puts clinic's bucket, key and query results behind a perimeter", () => {
    const m = new Mutable(fixture);
    expect(findings(m)).toEqual([]);
    for (const [type, name] of [[T.bucketPolicy, "clinic-visits-bucket-policy"], [T.bucketPolicy, "clinic-query-results-policy"], [T.kmsKey, "clinic-key"]] as const) {
      m.policy(type, name, (d) => expect(perimeterOf(d), name).toBeDefined());
    }
  });

  it("fails a HIPAA domain's key policy without the perimeter, and its query results bucket without one", () => {
    const m = new Mutable(fixture);
    m.policy(T.kmsKey, "clinic-key", (d) => Mutable.dropStatement(d, "DataPerimeterDeclaredPrincipalsOnly"));
    m.policy(T.bucketPolicy, "clinic-query-results-policy", (d) => Mutable.dropStatement(d, "DataPerimeterDeclaredPrincipalsOnly"));
    expect(findings(m)).toEqual([
      expect.stringMatching(/^clinic-key: key policy has no data perimeter \(domain compliance hipaa\)/),
      expect.stringMatching(/^clinic-query-results: bucket policy has no data perimeter \(query results; domain compliance hipaa\)/),
    ]);
  });

  it("fails a perimeter that lets in a principal the mesh does not declare (a wildcard over the account's roles)", () => {
    const m = new Mutable(fixture);
    m.policy(T.bucketPolicy, "clinic-visits-bucket-policy", (d) => { perimeterOf(d).Condition.ArnNotLike["aws:PrincipalArn"].push("arn:aws:iam::111111111111:role/*"); });
    expect(findings(m)).toEqual([expect.stringMatching(/^clinic-visits-bucket: bucket policy's data perimeter .* also lets in arn:aws:iam::111111111111:role\/\*, which the mesh does not declare/)]);
  });

  it("fails a perimeter narrowed by another condition, which lets every other request through", () => {
    const m = new Mutable(fixture);
    m.policy(T.kmsKey, "clinic-key", (d) => { perimeterOf(d).Condition.StringEquals = { "aws:RequestedRegion": "us-east-1" }; });
    expect(findings(m)).toEqual([expect.stringMatching(/^clinic-key: key policy has no data perimeter/)]);
  });

  it("asks nothing of a confidential product in a GDPR domain, and a perimeter once the same product is classified restricted", () => {
    const m = new Mutable(fixture);
    m.policy(T.bucketPolicy, "sales-orders-bucket-policy", (d) => expect(d.Statement.map((s) => s.Sid)).not.toContain("DataPerimeterDeclaredPrincipalsOnly"));
    expect(findings(m)).toEqual([]);
    m.inputs(T.dataProduct, "sales-orders").classification = "restricted";
    expect(findings(m)).toEqual([
      expect.stringMatching(/^sales-key: key policy has no data perimeter \(orders is classified restricted\)/),
      expect.stringMatching(/^sales-orders-bucket: bucket policy has no data perimeter \(orders is classified restricted\)/),
      expect.stringMatching(/^sales-query-results: bucket policy has no data perimeter \(query results; orders is classified restricted\)/),
    ]);
  });
});
