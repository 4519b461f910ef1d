import { T } from "../helpers/types";
import type { Rule } from "../types";

const KMS_OPTIONS = ["SSE_KMS", "CSE_KMS"];

/** Query results are copies of product data: the workgroup encrypts them with KMS. */
export const athenaResultsEncrypted: Rule = {
  id: "athena-results-encrypted",
  title: "Athena workgroups encrypt query results with KMS",
  severity: "mandatory",
  standards: [
    { framework: "cdk-nag", control: "AwsSolutions-ATH1" },
    { framework: "Checkov", control: "CKV_AWS_159" },
  ],
  description: "Results written unencrypted, or with S3-managed keys, escape the domain key policy that guards the data they came from.",
  fix: "Set configuration.resultConfiguration.encryptionConfiguration to SSE_KMS with the domain key.",
  resourceTypes: [T.athenaWorkgroup],
  check(workgroup) {
    const encryption = (workgroup.inputs.configuration as Record<string, any> | undefined)?.resultConfiguration?.encryptionConfiguration;
    if (!encryption) return "does not encrypt query results";
    if (!KMS_OPTIONS.includes(encryption.encryptionOption)) return `encrypts query results with ${encryption.encryptionOption}, not KMS`;
    return encryption.kmsKeyArn ? undefined : "encrypts query results with KMS but names no key";
  },
};
