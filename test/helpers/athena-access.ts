import type { ManifestResource, StackManifest } from "../../cli/src/plan/manifest";
import { evaluate, type IamRequest } from "./iam-sim";

function policy(r: ManifestResource | undefined, field = "policy"): Record<string, unknown> | undefined {
  return r ? JSON.parse(r.inputs[field] as string) : undefined;
}

/** One product's side of the Athena setup, read from a planned stack. */
interface ProductAthena {
  product: string;
  roleArn: string;
  identity: Record<string, unknown>;
  workgroupArn: string;
  /** The workgroup's enforced output location as an S3 ARN prefix (`arn:aws:s3:::bucket/prefix/`). */
  output: string;
}

/**
 * The issue-9 access matrix for Athena in one planned domain stack: each producer can run queries in its own
 * workgroup and read and write its results; it can neither read another product's results nor use another
 * product's (or the domain's) workgroup, whose results it could otherwise fetch through GetQueryResults.
 * Returns the requests whose outcome is wrong (empty when all hold) and how many were evaluated.
 */
export async function athenaAccessProblems(manifest: StackManifest, orgId: string): Promise<{ problems: string[]; evaluated: number }> {
  const rs = manifest.resources;
  const domain = rs.find((r) => r.type === "mesh:blueprint:Domain");
  const products = rs.filter((r) => r.type === "mesh:blueprint:DataProduct").map((r) => String(r.inputs.product));
  if (!domain || products.length === 0) return { problems: [], evaluated: 0 };
  const d = domain.name;
  const boundary = policy(rs.find((r) => r.type === "aws:iam/policy:Policy" && r.name === `${d}-boundary`));
  const workgroups = rs.filter((r) => r.type === "aws:athena/workgroup:Workgroup");
  const arnOf = (w: ManifestResource) => w.arn ?? `arn:aws:athena:::workgroup/${String(w.inputs.name)}`;
  const outputOf = (w: ManifestResource) => String((w.inputs.configuration as { resultConfiguration: { outputLocation: string } }).resultConfiguration.outputLocation).replace(/^s3:\/\//, "arn:aws:s3:::");
  const domainWorkgroup = workgroups.find((w) => w.name === `${d}-workgroup`);
  const bucketPolicies = new Map(rs.filter((r) => r.type === "aws:s3/bucketPolicy:BucketPolicy").map((b) => [String(b.inputs.bucket), policy(b)!]));
  const side: ProductAthena[] = products.map((p) => {
    const role = rs.find((r) => r.type === "aws:iam/role:Role" && r.name === `${d}-${p}-producer`)!;
    const wg = workgroups.find((w) => w.name === `${d}-${p}-workgroup`);
    if (!wg) throw new Error(`${manifest.stack}: product ${p} has no workgroup of its own`);
    return { product: p, roleArn: role.arn!, identity: policy(rs.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.name === `${d}-${p}-producer-policy`))!, workgroupArn: arnOf(wg), output: outputOf(wg) };
  });
  const problems: string[] = [];
  let evaluated = 0;
  const check = async (who: ProductAthena, request: Omit<IamRequest, "principal">, expected: "Allowed" | "denied") => {
    const bucket = request.resource.startsWith("arn:aws:s3:::") ? request.resource.slice(13).split("/")[0]! : undefined;
    const result = await evaluate(
      { principal: who.roleArn, ...request, context: { "aws:PrincipalOrgID": orgId, "aws:PrincipalArn": who.roleArn, ...request.context } },
      { identity: [who.identity], boundary, resourcePolicy: bucket ? bucketPolicies.get(bucket) : undefined },
    );
    evaluated++;
    const ok = expected === "Allowed" ? result === "Allowed" : result !== "Allowed";
    if (!ok) problems.push(`${manifest.stack} ${who.product}: ${request.action} on ${request.resource} is ${result}, expected ${expected}`);
  };
  for (const p of side) {
    const resultsBucket = p.output.replace(/^arn:aws:s3:::/, "").split("/")[0]!;
    // Run a query, and the S3 calls Athena makes with the caller's credentials for its results.
    for (const action of ["athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults", "athena:StopQueryExecution"]) await check(p, { action, resource: p.workgroupArn }, "Allowed");
    await check(p, { action: "s3:GetBucketLocation", resource: `arn:aws:s3:::${resultsBucket}` }, "Allowed");
    for (const action of ["s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]) {
      await check(p, { action, resource: `${p.output}0a6b2c3d-query.csv` }, "Allowed");
    }
    await check(p, { action: "s3:ListBucket", resource: `arn:aws:s3:::${resultsBucket}`, context: { "s3:prefix": `${p.product}/` } }, "Allowed");
    for (const other of side.filter((o) => o !== p)) {
      await check(p, { action: "s3:GetObject", resource: `${other.output}0a6b2c3d-query.csv` }, "denied");
      await check(p, { action: "s3:ListBucket", resource: `arn:aws:s3:::${resultsBucket}`, context: { "s3:prefix": `${other.product}/` } }, "denied");
      await check(p, { action: "athena:StartQueryExecution", resource: other.workgroupArn }, "denied");
      await check(p, { action: "athena:GetQueryResults", resource: other.workgroupArn }, "denied");
    }
    if (domainWorkgroup) await check(p, { action: "athena:GetQueryResults", resource: arnOf(domainWorkgroup) }, "denied");
  }
  return { problems, evaluated };
}
