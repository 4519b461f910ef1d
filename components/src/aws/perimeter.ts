import type { PolicyStatement } from "../blueprint/context";

/** Sid of the perimeter statement in bucket and key policies; the governance rule looks for the statement itself. */
export const PERIMETER_SID = "DataPerimeterDeclaredPrincipalsOnly";

/**
 * The AWS data-perimeter pattern for one resource policy: deny every request whose principal is not one of `allowed`
 * (aws:PrincipalArn, the role's ARN for a role session), unless the caller is an AWS service principal acting with
 * its own identity (aws:PrincipalIsAWSService; absent for IAM roles, so IfExists). A service calling on a role's
 * behalf (Athena, Glue, S3 to KMS) carries that role's aws:PrincipalArn and is decided like the role.
 * A deny wins over any allow, so a same-account role with s3:* and kms:* in its own policy is refused too.
 */
export function perimeterDeny(args: { action: string; resource: string | string[]; allowed: string[]; condition?: PolicyStatement["Condition"] }): PolicyStatement {
  return {
    Sid: PERIMETER_SID,
    Effect: "Deny",
    Principal: "*",
    Action: args.action,
    Resource: args.resource,
    Condition: {
      ArnNotLike: { "aws:PrincipalArn": [...new Set(args.allowed)].sort() },
      BoolIfExists: { "aws:PrincipalIsAWSService": "false" },
      ...(args.condition ?? {}),
    },
  };
}
