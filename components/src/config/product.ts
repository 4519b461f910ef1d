import { z } from "zod";
import { cron, email, slug, snakeName } from "./common";

/** `domain/product/port@major`, the identity of a port a consumer reads. */
export const PORT_REF = /^([a-z][a-z0-9-]*[a-z0-9])\/([a-z][a-z0-9-]*[a-z0-9])\/([a-z][a-z0-9_]*)@(\d+)$/;

const inputSchema = z.strictObject({
  from: z.string().regex(PORT_REF, "must be domain/product/port@major, such as customers/customer-profile/customers@1"),
  fields: z.array(snakeName).min(1, "list the fields this product reads (column-level grants are made for them)"),
  purpose: z.string().min(10, "must say why the data is read, in at least 10 characters"),
});

/** A consumer: a whole domain (`recommendations`) or one product (`recommendations/next-best-offer`). */
const consumerRef = z.string().regex(/^[a-z][a-z0-9-]*[a-z0-9](\/[a-z][a-z0-9-]*[a-z0-9])?$/, "must be a domain or domain/product");

const approvalSchema = z.strictObject({
  consumer: consumerRef,
  approvedBy: email,
  date: z.iso.date("must be a date such as 2026-01-31"),
  ticket: z.string().optional(),
});

const resourcesSchema = z.strictObject({
  cpu: z.string().regex(/^(\d+m|\d+(\.\d+)?)$/, 'must be a Kubernetes CPU quantity such as "500m" or "1"'),
  memory: z.string().regex(/^\d+(Mi|Gi)$/, 'must be a Kubernetes memory quantity such as "512Mi" or "2Gi"'),
});

export const productSchema = z.strictObject({
  description: z.string().min(10, "must describe the product in at least 10 characters"),
  tags: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, "tags are lowercase words with hyphens")).default([]),
  /** Schema objects of contract.odcs.yaml that are published; the contract's major version is each port's. */
  outputPorts: z.array(snakeName).min(1, "publish at least one schema object of the contract"),
  inputs: z.array(inputSchema).default([]),
  access: z
    .strictObject({
      /** Consumers granted access as soon as they declare an input. */
      autoApprove: z.array(consumerRef).default([]),
      /** Consumers granted access after an explicit approval. */
      approvals: z.array(approvalSchema).default([]),
    })
    .default({ autoApprove: [], approvals: [] }),
  pipeline: z.strictObject({
    image: z
      .string()
      .regex(/^[a-z0-9.-]+(:\d+)?\/[a-z0-9._/-]+(:[A-Za-z0-9._-]+|@sha256:[a-f0-9]{64})$/, "must be a pinned image such as registry.example.com/team/job:1.4.2 (a tag or digest, not latest)")
      .refine((v) => !v.endsWith(":latest"), "must not use the mutable :latest tag"),
    schedule: cron,
    resources: resourcesSchema.default({ cpu: "500m", memory: "1Gi" }),
  }),
  quality: z.strictObject({ schedule: cron }).optional(),
  /**
   * Declares that this product de-identifies what it reads (HIPAA §164.514): the only way a product may publish
   * at a lower classification than its inputs, or read PHI and publish none.
   */
  deidentification: z
    .strictObject({
      method: z.enum(["safe-harbor", "expert-determination"]),
      reviewedBy: email,
      date: z.iso.date("must be a date such as 2026-01-31"),
    })
    .optional(),
  overrides: z
    .strictObject({
      /** Days noncurrent object versions are kept. Bounded by governance. */
      noncurrentVersionDays: z.number().int().min(7).max(365).optional(),
    })
    .default({}),
});

export type ProductConfig = z.output<typeof productSchema>;
export type ProductInput = z.output<typeof inputSchema>;
export { slug };
