import { z } from "zod";
import { validRange } from "semver";

/** A lowercase name used in URLs, S3 and Kubernetes: `order-management`. */
export const slug = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,38}[a-z0-9]$/, "must be 2-40 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen");

/** A snake_case identifier for schema objects and fields (Glue/Athena friendly): `order_events`. */
export const snakeName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,127}$/, "must be snake_case: lowercase letters, digits and underscores, starting with a letter (max 128)");

export const email = z.email("must be an email address such as team@example.com");

export const awsAccount = z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id in quotes, such as "111111111111"');

export const awsRegion = z
  .string()
  .regex(/^(us|eu|ap|sa|ca|me|af|il|mx)(-gov)?-(north|south|east|west|central|northeast|southeast|northwest|southwest)-\d$/, "must be an AWS region such as eu-west-1");

export const semverRange = z.string().refine((v) => validRange(v) !== null, "must be a semver range such as ^1.0.0");

/** Five-field cron (minute hour day-of-month month day-of-week) or a Kubernetes macro such as @hourly. */
const cronMacros = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];
const CRON_RANGES: [number, number][] = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 7]];

/** One cron field: `*`, numbers and ranges within the field's bounds, lists, and steps of at least 1. */
function cronFieldValid(field: string, [min, max]: [number, number]): boolean {
  return field.split(",").every((item) => {
    const m = item.match(/^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/);
    if (!m) return false;
    const [, , from, to, step] = m;
    if (step !== undefined && Number(step) < 1) return false;
    if (from === undefined) return true;
    const a = Number(from);
    const b = to === undefined ? a : Number(to);
    return a >= min && b <= max && a <= b;
  });
}

export const cron = z.string().refine((v) => {
  if (cronMacros.includes(v)) return true;
  const fields = v.trim().split(/\s+/);
  return fields.length === 5 && fields.every((f, i) => cronFieldValid(f, CRON_RANGES[i]!));
}, 'must be a 5-field cron expression within range (minute 0-59, hour 0-23, day 1-31, month 1-12, weekday 0-7) such as "*/15 * * * *", or one of @hourly, @daily, @weekly, @monthly');

export const CLASSIFICATIONS = ["public", "internal", "confidential", "restricted"] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const classification = z.enum(CLASSIFICATIONS);

export const COMPLIANCE_REGIMES = ["hipaa", "pci", "gdpr", "sox"] as const;
export type ComplianceRegime = (typeof COMPLIANCE_REGIMES)[number];
