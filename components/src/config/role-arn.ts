/**
 * Why a string is not the ARN of an IAM role, in words a user can act on. The data perimeter compares these ARNs
 * with aws:PrincipalArn, which for a role session is the role's ARN (path included), so only an exact role ARN works.
 */
const PARTITIONS = ["aws", "aws-cn", "aws-us-gov"];
const NAME = /^[\w+=,.@-]+$/; // IAM role names and path segments: letters, digits and + = , . @ _ -
const MAX_ROLE_NAME = 64; // IAM quota on role names

export function roleArnProblem(value: string): string | undefined {
  const parts = value.split(":");
  if (parts[0] !== "arn" || parts.length !== 6) return `${value} is not an ARN (arn:<partition>:iam::<account>:role/<name>)`;
  const [, partition, service, region, account, resource] = parts as [string, string, string, string, string, string];
  if (/[*?]/.test(value)) return `${value} contains a wildcard; name each role exactly (a pattern would let every matching role through the perimeter)`;
  if (!PARTITIONS.includes(partition)) return `${value} has partition "${partition}", which is not one of ${PARTITIONS.join(", ")}`;
  if (service !== "iam") return `${value} is an ${service || "unnamed"} service ARN, not an IAM one`;
  if (region !== "") return `${value} names region ${region}, but IAM ARNs have none (arn:${partition}:iam::<account>:…)`;
  if (!/^\d{12}$/.test(account)) return `${value} has account "${account}", which is not 12 digits`;
  const [type, ...path] = resource.split("/");
  if (type !== "role") return `${value} is ${type === "user" ? "an IAM user" : type === "group" ? "an IAM group" : `a ${type || "resource without type"}`}, not a role (the perimeter matches the ARN of a role session's role)`;
  const name = path.at(-1) ?? "";
  if (name === "") return `${value} names no role after role/`;
  if (name.length > MAX_ROLE_NAME) return `${value} has a role name of ${name.length} characters; IAM allows at most ${MAX_ROLE_NAME}`;
  if (!path.every((segment) => NAME.test(segment))) return `${value} has a role name or path with characters IAM does not allow (only letters, digits and + = , . @ _ -)`;
  return undefined;
}

/** The partition of a region's ARNs: aws-cn for China, aws-us-gov for GovCloud, aws elsewhere. */
export function regionPartition(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

/** The partition of an ARN: arn:<partition>:… */
export function arnPartition(arn: string): string {
  return arn.split(":")[1] ?? "";
}
