import { isRoleArnOf } from "../helpers/aws";
import { producerRoleOf, productInputs } from "../helpers/mesh";
import { grantedTable, portPrefix, principalReads } from "../helpers/phi";
import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { Rule } from "../types";

/**
 * Access exists only where a consumer declared an input and the producer allowed it: every Lake Formation grant and
 * bucket-policy read of a product names one of its consumers, on the port that consumer reads, for the fields it declared.
 */
export const meshGrantsDeclaredConsumers: Rule = {
  id: "mesh-grants-declared-consumers",
  title: "Grants go only to declared, approved consumers",
  severity: "mandatory",
  standards: [{ framework: "Mesh", control: "Access by declared input and producer approval" }],
  description: "A grant with no matching input and approval is access nobody reviewed, and it is never revoked when the consumer goes away.",
  fix: "Grant through the consumer's inputs and the producer's access list (the blueprint derives grants from both); remove hand-made grants.",
  resourceTypes: [T.dataProduct],
  check(product, stack) {
    const { consumers, ports } = productInputs(product);
    const producer = producerRoleOf(product, stack);
    const problems: string[] = [];
    for (const grant of stack.children(product, T.lfPermissions)) {
      if (producer && isRoleArnOf(grant.inputs.principal, producer.inputs.name)) continue;
      const table = grantedTable(grant);
      const port = list(ports).find((p) => p.table === table);
      const consumer = list(consumers).find((c) => c.roleArn === grant.inputs.principal && c.port === port?.name && (c.major === undefined || c.major === port.major));
      if (!consumer) {
        problems.push(`Lake Formation grant ${grant.name} gives ${table ?? "a resource"} to ${String(grant.inputs.principal)}, who declared no approved input on it`);
        continue;
      }
      const columns = list((grant.inputs.tableWithColumns as Record<string, unknown> | undefined)?.columnNames as string[] | undefined);
      const undeclared = columns.filter((c) => !consumer.fields.includes(c));
      if (undeclared.length > 0) problems.push(`Lake Formation grant ${grant.name} includes fields ${undeclared.join(", ")} that ${consumer.consumer} did not declare`);
    }
    for (const { statement, principals, bucketName } of principalReads(product, stack)) {
      for (const principal of principals) {
        // Each resource must lie inside the prefix of a port this principal declared and was approved for.
        const prefixes = list(consumers).filter((c) => c.roleArn === principal).flatMap((c) => list(ports).filter((p) => p.name === c.port && (c.major === undefined || c.major === p.major))).map((p) => `arn:aws:s3:::${bucketName}/${portPrefix(p)}`);
        const outside = list(statement.Resource).filter((r) => !prefixes.some((prefix) => r.startsWith(prefix)));
        if (outside.length > 0) problems.push(`bucket policy ${statement.Sid ?? "statement"} lets ${principal} read ${outside.join(", ")} without a declared, approved input`);
      }
    }
    return problems;
  },
};
