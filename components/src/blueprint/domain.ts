import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { secureBucket } from "../aws/bucket";
import { workgroup } from "../aws/athena";
import { glueDatabase } from "../aws/catalog";
import { permissionsBoundary } from "../aws/iam";
import { domainKey } from "../aws/kms";
import { alertTopic, domainDashboard } from "../aws/monitoring";
import { domainNamespace, workloadBudget } from "../kubernetes/namespace";
import type { BuildContext } from "./context";
import { withDataProtection } from "./protect-data";
import { DataProduct } from "./data-product";
import type { DomainSpec } from "./spec";
import { maxClassification } from "../contract/classification";
import { tags } from "./tags";
import { BLUEPRINT_VERSION } from "../version";

export const DOMAIN_TYPE = "mesh:blueprint:Domain";

/** Query results are scratch: kept a week, never versions beyond that. */
const QUERY_RESULTS_DAYS = 7;

export interface DomainArgs {
  /** The domain's resolved spec for one environment (see `resolveDomainStack`). */
  spec: DomainSpec;
  /**
   * The deployer's half of the double opt-in to destroy stateful resources (`mesh:allowDestroy` stack config or
   * `--allow-destroy`). It only takes effect when domain.yaml also sets `allowDestroy` for a non-production env.
   * @default false
   */
  allowDestroy?: boolean;
}

/** Both halves of the double opt-in, never in production. */
function destroyAllowed(args: DomainArgs): boolean {
  return Boolean(args.allowDestroy && args.spec.allowDestroy && !args.spec.production);
}

/**
 * A business domain in one environment: its key, catalog database, alert topic, dashboard, Athena workgroup,
 * permissions boundary, Kubernetes namespace, and a DataProduct per product folder.
 */
export class Domain extends pulumi.ComponentResource {
  readonly keyArn: pulumi.Output<string>;
  readonly databaseName: pulumi.Output<string>;
  readonly alertTopicArn: pulumi.Output<string>;
  readonly products: Record<string, DataProduct>;
  /** True when stateful resources of this stack may be destroyed (both opt-ins given). */
  readonly destroyAllowed: boolean;

  constructor(name: string, args: DomainArgs, opts?: pulumi.ComponentResourceOptions) {
    super(DOMAIN_TYPE, name, describeDomain(args.spec), withDataProtection(opts, destroyAllowed(args)));
    const { spec } = args;
    this.destroyAllowed = destroyAllowed(args);
    const provider = new aws.Provider(`${name}-aws`, {
      region: spec.region as aws.Region,
      allowedAccountIds: [spec.account],
    }, { parent: this });
    // Like the AWS provider, Kubernetes is pinned: the environment's cluster, never the ambient kubeconfig context.
    const kubernetesProvider = spec.kubernetes
      ? new k8s.Provider(`${name}-k8s`, { context: spec.kubernetes.context, cluster: spec.kubernetes.clusterArn }, { parent: this })
      : undefined;
    // The domain's shared resources are as sensitive as its most sensitive product, and at least internal.
    const classification = maxClassification(["internal", ...spec.products.map((p) => p.classification)]);
    const awsOpts = { parent: this, provider };
    const ctx: BuildContext = {
      name,
      parent: this,
      names: spec.names,
      region: spec.region,
      account: spec.account,
      tags: tags({
        domain: spec.name,
        owner: spec.owner.team,
        classification,
        costCentre: spec.costCenter,
        env: spec.environment,
      }),
      opts: awsOpts,
      stateful: awsOpts,
      kubernetesProvider,
    };

    // A boundary caps producer roles; a domain without products has none (and an unused boundary is flagged by KMS.1).
    const crossAccountInputs = spec.products.flatMap((p) => crossAccountReads(spec, p));
    const inputAccounts = [...new Map(crossAccountInputs.map((i) => [`${i.account}:${i.region}`, { account: i.account, region: i.region }])).values()]
      .sort((a, b) => `${a.account}:${a.region}`.localeCompare(`${b.account}:${b.region}`));
    const boundary = spec.products.length > 0 ? permissionsBoundary(ctx, inputAccounts) : undefined;
    const producerRoleArns = spec.products.map((p) => spec.names.roleArn(spec.names.producerRole(p.name)));
    const consumerRoleArns = [...new Set(spec.products.flatMap((p) => p.consumers.map((c) => c.roleArn)))].sort();
    // The data perimeter: the domain's key (shared by all its products) and its query results (copies of product data)
    // admit only declared principals as soon as one product needs a perimeter (docs/decisions.md).
    const sensitive = spec.products.filter((p) => p.perimeter);
    const platformRoles = [...spec.perimeterRoles.deployers, ...spec.perimeterRoles.breakGlass];
    const resultsPerimeter = sensitive.length > 0 ? [...producerRoleArns, ...platformRoles] : undefined;
    const keyPerimeter = sensitive.length === 0 ? undefined : { allowed: [...producerRoleArns, ...consumerRoleArns, ...platformRoles] };
    const { key } = domainKey(ctx, { description: `Data of domain ${spec.name} (${spec.environment})`, producerRoleArns, consumerRoleArns, perimeter: keyPerimeter });
    const database = glueDatabase(ctx, spec.description);
    const topic = alertTopic(ctx, key.arn, spec.owner);
    const results = secureBucket(ctx, `${name}-query-results`, {
      bucketName: spec.names.queryResultsBucket(),
      kmsKeyArn: key.arn,
      classification,
      expireAfterDays: QUERY_RESULTS_DAYS,
      noncurrentVersionDays: 1,
      accessLogBucket: spec.names.accessLogBucket(),
      organizationId: spec.organizationId,
      perimeterPrincipals: resultsPerimeter,
    });
    const athena = workgroup(ctx, results.name, key.arn, spec.athenaBytesScannedCutoffGb);

    const namespace = spec.kubernetes
      ? domainNamespace(ctx, workloadBudget(spec.products.map((p) => ({ name: p.name, resources: p.pipeline.resources })), (p) => spec.names.serviceAccount(p)))
      : undefined;

    const inputLinks = inputResourceLinks(ctx, spec, crossAccountInputs);
    this.products = {};
    for (const product of spec.products) {
      this.products[product.name] = new DataProduct(`${name}-${product.name}`, {
        domain: spec,
        product,
        keyArn: key.arn,
        database,
        alertTopicArn: topic.arn,
        boundaryArn: boundary!.arn,
        namespace,
        provider,
        workgroupName: athena.name,
        kubernetesProvider,
        destroyAllowed: this.destroyAllowed,
        inputLinks,
      }, { parent: this });
    }
    domainDashboard(ctx, spec.products.map((p) => p.name));

    this.keyArn = key.arn;
    this.databaseName = database.name;
    this.alertTopicArn = topic.arn;
    this.registerOutputs({ keyArn: this.keyArn, databaseName: this.databaseName, alertTopicArn: this.alertTopicArn });
  }
}

/** The approved inputs of a product that read another account's data (through a resource link). */
function crossAccountReads(spec: DomainSpec, product: DomainSpec["products"][number]): DomainSpec["products"][number]["inputs"] {
  return product.inputs.filter((i) => i.approved && i.account !== spec.account);
}

/**
 * A Glue resource link in this domain's account for each producer database in another account that one of its
 * products reads (Lake Formation's cross-account path: the producer grants the consumer role on its table, the
 * consumer queries through the link). Named after the producer database, so no output passes between stacks.
 */
function inputResourceLinks(ctx: BuildContext, spec: DomainSpec, inputs: DomainSpec["products"][number]["inputs"]): Record<string, string> {
  const links: Record<string, string> = {};
  const linkResources: Record<string, aws.glue.CatalogDatabase> = {};
  for (const i of inputs) {
    const key = `${i.account}:${i.database}`;
    if (links[key]) continue;
    links[key] = spec.names.inputLink(i.database);
    linkResources[key] = new aws.glue.CatalogDatabase(`${ctx.name}-link-${i.database}`, {
      name: links[key],
      description: `Resource link to ${i.database} in account ${i.account}, read by products of ${spec.name}`,
      targetDatabase: { catalogId: i.account, databaseName: i.database, region: i.region },
      // Lake Formation decides access here too; a link holds no data, but governance protects every Glue database.
      createTableDefaultPermissions: [],
      tags: ctx.tags,
    }, ctx.stateful);
  }
  // Only the link's creator (the deployer) sees a new resource link: each reading product's role needs DESCRIBE on
  // it to query through it (Lake Formation, "Granting resource link permissions"). The target table's SELECT comes
  // from the producer's grant.
  for (const product of spec.products) {
    const keys = new Set(crossAccountReads(spec, product).map((i) => `${i.account}:${i.database}`));
    for (const key of [...keys].sort()) {
      const link = linkResources[key]!;
      new aws.lakeformation.Permissions(`${ctx.name}-link-${key.split(":")[1]}-describe-${product.name}`, {
        principal: spec.names.roleArn(spec.names.producerRole(product.name)),
        permissions: ["DESCRIBE"],
        database: { name: link.name },
      }, ctx.opts);
    }
  }
  return links;
}

/** The Domain component's own inputs, read by governance rules (residency, compliance, waivers) and the catalog. */
export function describeDomain(spec: DomainSpec): Record<string, unknown> {
  return {
    domain: spec.name,
    environment: spec.environment,
    production: spec.production,
    region: spec.region,
    account: spec.account,
    allowedRegions: spec.allowedRegions,
    compliance: spec.compliance,
    owner: spec.owner,
    costCenter: spec.costCenter,
    blueprintVersion: BLUEPRINT_VERSION,
    waivers: spec.waivers,
    // Governance checks that a data perimeter lets in no one beyond producers, consumers and these roles.
    perimeterRoles: spec.perimeterRoles,
  };
}
