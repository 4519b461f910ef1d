import { s3TlsOnly } from "./rules/s3-tls-only";
import type { Rule } from "./types";

/** Every governance rule, in the order reports list them. */
export const RULES: readonly Rule[] = [s3TlsOnly];
