import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/fixture";
import { type MatrixRow, perimeterMatrix, readDeclarations, wrongRows } from "../helpers/perimeter-access";
import { sharedPlan } from "../helpers/shared-plan";

/**
 * Issue 9 item 2, the data perimeter, as an access matrix evaluated by the IAM policy simulator over each example
 * mesh's planned policies: inside the perimeter (restricted, HIPAA, PCI) a same-account role with s3:* and kms:* in
 * its own policy reads nothing and decrypts nothing, while producers, approved consumers, the deployer (who keeps
 * managing the policies) and break-glass keep their access; outside it nothing changes.
 */
describe.each([
  ["the e-commerce mesh (a PCI domain)", ".", "dev"],
  ["the investment bank (restricted products beside confidential ones, a consumer in its own accounts)", "examples/investment-bank", "dev"],
  ["the healthcare network (HIPAA domains, PHI)", "examples/healthcare", "dev"],
])("the data perimeter of %s", (_name, meshRoot, env) => {
  // The suite's one plan of this example mesh (plan.test and access-matrix read the same one).
  const { out, ...run } = sharedPlan(["--root", meshRoot]);
  const decl = readDeclarations(join(REPO, meshRoot));
  const matrix = run.status === 0 ? perimeterMatrix(join(out, "plan"), env, decl) : Promise.resolve([]);

  it("plans", () => {
    expect(run.status, run.stderr).toBe(0);
  });

  it("refuses a broad same-account role (s3:*, kms:*) every object and key decrypt inside the perimeter, and changes nothing for domains without one", async () => {
    const rows = (await matrix).filter((r) => r.who === "broad role");
    expect(rows.filter((r) => r.expected === "denied").length).toBeGreaterThan(3);
    expect(wrongRows(rows)).toEqual([]);
  });

  // Each exemption is checked beside the refusal it is an exception to: the same request by an undeclared role.
  const refusals = (rows: MatrixRow[], actions: string[]) => rows.filter((r) => r.who === "broad role" && r.expected === "denied" && actions.includes(r.action));

  it("lets producers and approved consumers read and decrypt where an undeclared broad role cannot", async () => {
    const all = await matrix;
    const rows = all.filter((r) => r.who === "producer" || r.who.startsWith("consumer "));
    expect(rows.filter((r) => r.who.startsWith("consumer ")).length).toBeGreaterThan(0);
    expect(refusals(all, ["s3:GetObject", "kms:Decrypt"]).length).toBeGreaterThan(3);
    expect(wrongRows([...rows, ...refusals(all, ["s3:GetObject", "kms:Decrypt"])])).toEqual([]);
  });

  it("lets the deployer manage the bucket and key policies, and break-glass read and repair them, where an undeclared role with the same IAM policy cannot", async () => {
    const all = await matrix;
    const rows = all.filter((r) => r.who === "deployer" || r.who === "break-glass");
    expect(rows.some((r) => r.action === "kms:PutKeyPolicy" && r.who === "deployer")).toBe(true);
    expect(rows.some((r) => r.action === "s3:GetObject" && r.who === "break-glass")).toBe(true);
    const contrast = refusals(all, ["s3:PutBucketPolicy", "kms:PutKeyPolicy", "s3:GetObject", "kms:Decrypt"]);
    expect(contrast.some((r) => r.action === "kms:PutKeyPolicy")).toBe(true);
    expect(wrongRows([...rows, ...contrast])).toEqual([]);
  });

  it("keeps the AWS service principal the blueprint needs on the key: CloudWatch alarms encrypt to the alert topic", async () => {
    const rows = (await matrix).filter((r) => r.who.startsWith("service "));
    expect(rows.length).toBeGreaterThan(0);
    expect(wrongRows(rows)).toEqual([]);
  });
});
