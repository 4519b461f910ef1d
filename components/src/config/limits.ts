/**
 * Sizes no real product has, refused before they cost anything. Each limit comes from a documented AWS quota
 * (cited beside it) or is derived from one; physical name lengths live with the names, in naming/limits.ts.
 * Every error that enforces one of these names the limit and its source, so a user can check it.
 */

/**
 * Athena's query string is at most 262,144 bytes, and AWS cannot raise it: Athena service quotas
 * (https://docs.aws.amazon.com/athena/latest/ug/service-limits.html) and the knowledge-center article on it
 * (https://repost.aws/knowledge-center/athena-query-string-length).
 */
export const ATHENA_QUERY_STRING_BYTES = 262_144;

/** Field names are snake_case of at most 128 characters (config/common.ts snakeName; Glue allows 255). */
export const MAX_FIELD_NAME_LENGTH = 128;

/**
 * Columns of one schema object (one Glue table). Glue documents no per-table column quota, but a statement that
 * lists every column of the table (the DDL that declares it, a SELECT of every field a consumer is granted) must
 * fit in one Athena query string: 262,144 / (128 + `"",` + space) = 1,985 columns at the longest names.
 */
export const MAX_COLUMNS_PER_TABLE = Math.floor(ATHENA_QUERY_STRING_BYTES / (MAX_FIELD_NAME_LENGTH + 4));

/**
 * A config file (mesh.yaml, domain.yaml, product.yaml, a contract, a stack file) is refused above this size
 * before it is read or parsed. The largest legitimate file is a contract at MAX_COLUMNS_PER_TABLE columns with a
 * description, tags and a quality rule each (about 400 bytes a column): under 1 MiB. The example contracts are
 * under 12 KB.
 */
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

/** Human size: 1 MiB, 20 KiB, 900 B. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
