import type { PolicyResource, StackView } from "../types";
import { bucketPolicyOf, conditionValue, principalsOfKind, resourceMatches, statements, type Statement } from "./aws";
import { productInputs, type ProductDescription } from "./mesh";
import { T } from "./types";
import { list } from "./values";

export type Port = NonNullable<ProductDescription["ports"]>[number];

/** The S3 prefix a port's data lives under in its product bucket (`<port>/v<major>/`, see resolve.ts). */
export function portPrefix(port: Port): string {
  return `${port.name}/v${port.major}/`;
}

/** The table a Lake Formation grant is on, whether it grants a whole table or some columns. */
export function grantedTable(grant: PolicyResource): string | undefined {
  const target = (grant.inputs.tableWithColumns ?? grant.inputs.table) as { name?: string } | undefined;
  return target?.name;
}

/** An Allow of a product bucket's policy to AWS principals: named ones, or a wildcard pinned by aws:PrincipalArn. */
export interface BucketRead {
  statement: Statement;
  principals: string[];
  bucketName: string;
}

/** The grants of a product's bucket policy to AWS principals (service principals such as log delivery excluded). */
export function principalReads(product: PolicyResource, stack: StackView): BucketRead[] {
  const bucket = stack.children(product, T.bucket)[0];
  if (!bucket) return [];
  const bucketName = String(bucket.inputs.bucket);
  return statements(bucketPolicyOf(bucket, stack))
    .filter((s) => s.Effect === "Allow")
    .map((statement) => {
      const named = principalsOfKind(statement, "AWS").filter((p) => p !== "*");
      const pinned = list((conditionValue(statement, "ArnEquals", "aws:PrincipalArn") ?? conditionValue(statement, "ArnLike", "aws:PrincipalArn")) as string | string[] | undefined);
      return { statement, principals: [...named, ...pinned], bucketName };
    })
    .filter((r) => r.principals.length > 0);
}

/** Whether a statement's resources reach objects under a port's prefix (directly, or through a broader pattern). */
export function readsPort(read: BucketRead, port: Port): boolean {
  const sample = `arn:aws:s3:::${read.bucketName}/${portPrefix(port)}part-00000.parquet`;
  return list(read.statement.Resource).some((pattern) => resourceMatches(pattern, sample));
}

export function phiPorts(product: PolicyResource): Port[] {
  return list(productInputs(product).ports).filter((p) => p.containsPhi);
}
