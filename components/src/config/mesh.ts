import { imageTag, QUALITY_RUNNER_VERSION } from "../quality-runner";
import { z } from "zod";
import { awsAccount, awsRegion, slug } from "./common";
import { roleArnProblem } from "./role-arn";

const RESERVED_PREFIXES = ["aws", "sthree"];

/**
 * A list of IAM role ARNs (optionally with a path), such as `example`. Each rejection says why; a repeated ARN is
 * refused too: it does no harm to the policy, but a copied line usually meant to name another account's role.
 */
function iamRoleArns(example: string) {
  return z
    .array(
      z.string().superRefine((v, ctx) => {
        const problem = roleArnProblem(v);
        if (problem) ctx.addIssue({ code: "custom", message: `${problem}; must be the ARN of an IAM role such as ${example}` });
      }),
    )
    .superRefine((arns, ctx) => {
      arns.forEach((arn, i) => {
        const first = arns.indexOf(arn);
        if (first < i) ctx.addIssue({ code: "custom", path: [i], message: `repeats ${arn} (already entry [${first}]); remove one: a role is listed once (did you mean another account's role?)` });
      });
    })
    .default([]);
}

/** Where the shared, account-wide pieces of one environment live (the `platform-<env>` stack). */
export const meshEnvironmentSchema = z.strictObject({
  /** Production environments can never opt in to destroying stateful resources. */
  production: z.boolean().default(false),
  region: awsRegion,
  account: awsAccount,
  /** OIDC issuer of the EKS cluster that runs pipelines, for IRSA trust: `oidc.eks.<region>.amazonaws.com/id/<ID>`. */
  eksOidcIssuer: z
    .string()
    .regex(/^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com\/id\/[A-Z0-9]{8,64}$/, "must look like oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE")
    .optional(),
  /**
   * Name of the environment's EKS cluster. Kubernetes resources go through a provider pinned to it (the kubeconfig
   * context and cluster entry `aws eks update-kubeconfig` writes, named by the cluster ARN), never the ambient one.
   */
  eksCluster: z.string().regex(/^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/, "must be an EKS cluster name such as shopwave-dev").optional(),
  /** The kubeconfig context for that cluster, when it is not named by the cluster ARN. */
  kubeContext: z.string().min(1).optional(),
});

/** `mesh.yaml` at a mesh root: the organisation-wide settings every domain shares. */
export const meshSchema = z.strictObject({
  name: slug,
  description: z.string().min(1).optional(),
  /** Short prefix for globally unique physical names (S3 buckets). */
  prefix: z
    .string()
    .regex(/^[a-z][a-z0-9]{1,11}$/, "must be 2-12 lowercase letters or digits, starting with a letter")
    // "aws" would make KMS aliases alias/aws/… (reserved for AWS managed keys); "sthree" makes S3 names sthree-….
    .refine((p) => !RESERVED_PREFIXES.includes(p), `is reserved by AWS; avoid ${["aws", "sthree"].join(", ")}`),
  /** The AWS Organization id; bucket policies deny principals outside it. */
  organizationId: z.string().regex(/^o-[a-z0-9]{10,32}$/, "must be an AWS Organizations id such as o-a1b2c3d4e5"),
  /** Data residency: every domain environment must deploy to one of these regions. */
  allowedRegions: z.array(awsRegion).min(1),
  environments: z.record(slug, meshEnvironmentSchema).refine((e) => Object.keys(e).length > 0, "declare at least one environment"),
  /**
   * Where the platform pushes its quality-runner image (quality/Dockerfile), without a tag: the blueprint runs the
   * version this repository builds (quality/package.json). A tag, if written, must be that version; a digest pins a build.
   */
  qualityRunnerImage: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d+)?\/[a-z0-9._/-]+(:[A-Za-z0-9._-]+|@sha256:[a-f0-9]{64})?$/, `must be an image repository such as registry.example.com/platform/quality-runner (the blueprint adds :${QUALITY_RUNNER_VERSION})`)
    .superRefine((v, ctx) => {
      const tag = imageTag(v);
      if (tag !== undefined && tag !== QUALITY_RUNNER_VERSION) {
        ctx.addIssue({ code: "custom", message: `tag :${tag} is not the runner this blueprint builds (${QUALITY_RUNNER_VERSION}); drop the tag (the blueprint adds :${QUALITY_RUNNER_VERSION}) or pin the build's digest` });
      }
    }),
  /** Price overrides for cost estimates (USD per month per unit, keyed by resource type or `custom-metric`). */
  pricing: z.strictObject({ overrides: z.record(z.string(), z.number().min(0)).default({}) }).default({ overrides: {} }),
  /**
   * Who reviews what in the repository: `mesh codeowners` writes .github/CODEOWNERS from it, each domain's files
   * to @<organization>/<owner.team of domain.yaml>, everything else (components/, cli/, workflows) to the platform team.
   */
  codeOwners: z
    .strictObject({
      organization: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/, "must be a GitHub organisation name such as shopwave"),
      platformTeam: slug,
    })
    .optional(),
  /**
   * Roles that run `pulumi up` for the domain stacks, one or more per account. The data perimeter of restricted
   * products and HIPAA/PCI domains lets them in (and nobody else besides producers and approved consumers), so
   * deploys can keep managing the bucket and key policies. Required in every account that holds such a product.
   */
  deployerRoles: iamRoleArns("arn:aws:iam::111111111111:role/datamesh-platform-deployer"),
  /**
   * Emergency-access roles an operator assumes to regain access to perimeter-protected data (docs/platform-team.md,
   * "Regaining access to a restricted product"). Required, like deployerRoles, in every account with a perimeter.
   */
  breakGlassRoles: iamRoleArns("arn:aws:iam::111111111111:role/datamesh-break-glass"),
  /** Groups allowed to administer Lake Formation (IAM role names in the platform account). */
  dataLakeAdmins: z.array(z.string().regex(/^[A-Za-z0-9+=,.@_-]{1,64}$/, "must be an IAM role name")).min(1),
});

export type MeshConfig = z.output<typeof meshSchema>;
export type MeshEnvironment = z.output<typeof meshEnvironmentSchema>;
