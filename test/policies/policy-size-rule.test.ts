import { beforeAll, describe, expect, it } from "vitest";
import { T } from "../../components/policies/helpers/types";
import { evaluate } from "../../components/policies/runner";
import type { PolicyResource } from "../../components/policies/types";
import { Mutable } from "./mutate";
import { recordFixture } from "./recorded";

/**
 * mesh-policy-size-within-quota against the quotas AWS documents: S3 bucket policy 20 KB (S3 User Guide, bucket
 * policies), KMS key policy 32 KB (KMS Developer Guide, key policies), and IAM's limits in non-white-space
 * characters: 10,240 for all inline policies of a role together, 6,144 for a managed policy, 2,048 for a trust
 * policy (IAM User Guide, "IAM and AWS STS quotas").
 */
let fixture: PolicyResource[];
beforeAll(async () => {
  fixture = await recordFixture();
});

const RULE = "mesh-policy-size-within-quota";
const findings = (m: Mutable) => evaluate(m.resources).filter((f) => f.rule === RULE).map((f) => `${f.resource}: ${f.message}`);
/** A statement of exactly `chars` non-white-space characters once serialised (the Sid pads it). */
function statementOf(chars: number, id: string): Record<string, unknown> {
  const base = { Sid: "", Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::bucket-${id}/*` };
  const size = JSON.stringify(base).length;
  return { ...base, Sid: "P".repeat(chars - size) };
}

describe("the policy size rule", () => {
  it("passes on the recorded blueprint, and saw policies of every kind it checks", () => {
    const m = new Mutable(fixture);
    for (const type of [T.bucketPolicy, T.kmsKey, T.iamRolePolicy, T.iamPolicy, T.iamRole]) expect(m.all(type).length, type).toBeGreaterThan(0);
    expect(findings(m)).toEqual([]);
  });

  it("adds up the inline policies of one role and reports the role once: 2 × 5,200 characters exceed 10,240", () => {
    const m = new Mutable(fixture);
    const [first] = m.all(T.iamRolePolicy);
    m.add(T.iamRolePolicy, `${first!.name}-extra`, { type: T.iamRole, name: m.all(T.iamRole)[0]!.name }, { role: first!.inputs.role, policy: JSON.stringify({ Version: "2012-10-17", Statement: [statementOf(5_200, "extra")] }) });
    m.policy(T.iamRolePolicy, first!.name, (d) => { d.Statement = [statementOf(5_200, "first")]; });
    const sizes = findings(m);
    expect(sizes).toHaveLength(1);
    expect(sizes[0]).toMatch(new RegExp(`^${first!.name}: inline policies of role ${String(first!.inputs.role)} is 10,\\d{3} characters, above IAM's 10,240-character quota for a role's inline policies`));
  });

  it("does not count white space against IAM's quotas (IAM does not)", () => {
    const m = new Mutable(fixture);
    const policy = m.all(T.iamPolicy).find((p) => typeof p.inputs.policy === "string");
    const doc = { Version: "2012-10-17", Statement: [statementOf(5_000, "boundary")] };
    policy!.inputs.policy = JSON.stringify(doc).replace(/,/g, `,\n${" ".repeat(400)}`); // 5,000 characters and ~1,600 of white space
    expect(String(policy!.inputs.policy).length).toBeGreaterThan(6_144);
    expect(findings(m)).toEqual([]);
    policy!.inputs.policy = JSON.stringify({ Version: "2012-10-17", Statement: [statementOf(6_200, "boundary")] });
    expect(findings(m)).toEqual([expect.stringMatching(new RegExp(`^${policy!.name}: managed policy is 6,2\\d\\d characters, above IAM's 6,144-character managed policy quota`))]);
  });

  it("refuses a key policy above 32 KB and a trust policy above 2,048 characters", () => {
    const m = new Mutable(fixture);
    const key = m.all(T.kmsKey).find((k) => typeof k.inputs.policy === "string");
    const role = m.all(T.iamRole).find((r) => typeof r.inputs.assumeRolePolicy === "string");
    m.policy(T.kmsKey, key!.name, (d) => { d.Statement.push(statementOf(33_000, "key")); });
    m.policy(T.iamRole, role!.name, (d) => { d.Statement.push(statementOf(2_100, "trust")); }, "assumeRolePolicy");
    const got = findings(m);
    expect(got).toHaveLength(2);
    expect(got.find((f) => f.startsWith(`${key!.name}:`))).toMatch(/key policy is 3\d,\d{3} bytes, above KMS's 32 KB key policy quota \(32,768\)/);
    expect(got.find((f) => f.startsWith(`${role!.name}:`))).toMatch(/trust policy is 2,\d{3} characters, above IAM's 2,048-character role trust policy quota/);
  });
});
