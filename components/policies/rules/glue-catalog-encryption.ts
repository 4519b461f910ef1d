import { descendants } from "../helpers/mesh";
import { T } from "../helpers/types";
import type { Rule } from "../types";

/** Catalog metadata (table names, columns, locations) encrypted at rest with a customer-managed key. */
export const glueCatalogEncryption: Rule = {
  id: "glue-catalog-encryption",
  title: "The Glue Data Catalog is encrypted with KMS",
  severity: "advisory",
  standards: [{ framework: "Checkov", control: "CKV_AWS_94" }],
  description: "Advisory: the platform does not set catalog encryption yet, because every consumer account reading the catalog through Lake Formation would need a grant on the key.",
  fix: "Declare DataCatalogEncryptionSettings in the platform stack with SSE-KMS metadata encryption and encrypted connection passwords, and grant consumer accounts the key.",
  resourceTypes: [T.platform],
  check(platform, stack) {
    const settings = descendants(platform, stack).find((r) => r.type === T.glueCatalogEncryption)?.inputs.dataCatalogEncryptionSettings as Record<string, any> | undefined;
    if (!settings) return "declares no Glue Data Catalog encryption settings";
    const problems: string[] = [];
    if (settings.encryptionAtRest?.catalogEncryptionMode !== "SSE-KMS") problems.push("catalog metadata is not encrypted with SSE-KMS");
    if (settings.connectionPasswordEncryption?.returnConnectionPasswordEncrypted !== true) problems.push("connection passwords are returned unencrypted");
    return problems;
  },
};
