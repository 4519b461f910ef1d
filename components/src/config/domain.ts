import { z } from "zod";
import { awsAccount, awsRegion, COMPLIANCE_REGIMES, email, semverRange, slug } from "./common";

export const RESERVED_DOMAIN_NAMES = ["platform"] as const;

export const domainEnvironmentSchema = z.strictObject({
  region: awsRegion,
  account: awsAccount,
  /** Creates the namespace, pipelines and quality CronJobs on the environment's EKS cluster. */
  kubernetes: z.boolean().default(false),
  /** First half of the double opt-in to destroy stateful resources; never allowed in production. */
  allowDestroy: z.boolean().default(false),
});

export const domainSchema = z.strictObject({
  name: slug.refine((n) => !(RESERVED_DOMAIN_NAMES as readonly string[]).includes(n), "is reserved for the platform stack"),
  description: z.string().min(10, "must describe the domain in at least 10 characters"),
  owner: z.strictObject({
    team: slug,
    email,
    slack: z.string().regex(/^#[a-z0-9_-]{1,80}$/, 'must be a Slack channel such as "#orders-data"').optional(),
  }),
  costCenter: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, "must be 2-20 uppercase letters, digits or hyphens, such as CC-1042"),
  compliance: z.array(z.enum(COMPLIANCE_REGIMES)).default([]),
  /** The blueprint versions this domain accepts, such as ^1.0.0. */
  blueprint: semverRange,
  environments: z.record(slug, domainEnvironmentSchema).refine((e) => Object.keys(e).length > 0, "declare at least one environment"),
  /**
   * Advisory governance rules waived for one resource each, with a reason and an expiry date. Mandatory rules
   * cannot be waived; an expired waiver fails the plan.
   */
  waivers: z
    .array(
      z.strictObject({
        rule: z.string().min(1),
        /** The resource's logical name, as shown in the plan (e.g. orders-order-events-bucket). */
        resource: z.string().min(1),
        reason: z.string().min(20, "explain the risk accepted in at least 20 characters"),
        expires: z.iso.date("must be a date such as 2027-03-31"),
      }),
    )
    .default([]),
  /** Athena: a query that would scan more is cancelled. @default 10 */
  athenaBytesScannedCutoffGb: z.number().int().min(1).max(1024).default(10),
});

export type DomainConfig = z.output<typeof domainSchema>;
export type DomainEnvironment = z.output<typeof domainEnvironmentSchema>;
