import type * as aws from "@pulumi/aws";
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { secureBucket } from "../aws/bucket";
import { productWorkgroup } from "../aws/athena";
import { portTable } from "../aws/catalog";
import { producerRole } from "../aws/iam";
import { consumerGrant, producerGrants, tagTable } from "../aws/lake-formation";
import { productAlarms, productLogGroup } from "../aws/monitoring";
import { productWorkloads } from "../kubernetes/workloads";
import { productUsageQueries } from "../aws/usage";
import type { BuildContext, PolicyStatement } from "./context";
import { withDataProtection } from "./protect-data";
import type { DataProductSpec, DomainSpec } from "./spec";
import { tags } from "./tags";

export const DATA_PRODUCT_TYPE = "mesh:blueprint:DataProduct";

export interface DataProductArgs {
  /** The owning domain's resolved spec (names, account, region, compliance). */
  domain: DomainSpec;
  /** This product's resolved spec, from product.yaml and contract.odcs.yaml. */
  product: DataProductSpec;
  /** The domain's KMS key: encrypts the bucket, the log group and the alerts. */
  keyArn: pulumi.Input<string>;
  database: aws.glue.CatalogDatabase;
  alertTopicArn: pulumi.Input<string>;
  boundaryArn: pulumi.Input<string>;
  /** The domain namespace, when the environment runs Kubernetes. */
  namespace?: k8s.core.v1.Namespace;
  /** The domain's account-pinned AWS provider. */
  provider: aws.Provider;
  /** The domain's Athena workgroup, where the product's usage queries are saved. */
  workgroupName: pulumi.Input<string>;
  /** The domain's cluster-pinned Kubernetes provider, when the environment runs Kubernetes. */
  kubernetesProvider?: pulumi.ProviderResource;
  /** Stateful resources are protected and retained unless this is true (double opt-in). @default false */
  destroyAllowed?: boolean;
  /** Resource links of this domain to databases of producers in other accounts, by `account:database`. */
  inputLinks?: Record<string, string>;
}

/**
 * One data product: its bucket, a Glue table per output port and major version, Lake Formation tags and
 * grants, the producer role, the log group and alarms, and on Kubernetes its pipeline and quality CronJobs.
 */
export class DataProduct extends pulumi.ComponentResource {
  readonly bucketName: pulumi.Output<string>;
  readonly roleArn: pulumi.Output<string>;
  readonly tables: pulumi.Output<string[]>;

  constructor(name: string, args: DataProductArgs, opts?: pulumi.ComponentResourceOptions) {
    super(DATA_PRODUCT_TYPE, name, describeProduct(args.domain, args.product), withDataProtection(opts, args.destroyAllowed ?? false));
    const { domain, product } = args;
    const names = domain.names;
    const ctx: BuildContext = {
      name,
      parent: this,
      names,
      region: domain.region,
      account: domain.account,
      tags: tags({ domain: domain.name, product: product.name, owner: domain.owner.team, classification: product.classification, costCentre: domain.costCenter, env: domain.environment, sensitivity: sensitivityOf(product) }),
      opts: { parent: this, provider: args.provider },
      stateful: { parent: this, provider: args.provider },
      kubernetesProvider: args.kubernetesProvider,
    };

    const bucketName = names.productBucket(product.name);
    const readStatements: PolicyStatement[] = product.consumers.map((c) => ({
      Sid: `Read${c.port.replace(/_/g, "")}${c.consumer.replace(/[^A-Za-z0-9]/g, "")}`.slice(0, 100),
      Effect: "Allow",
      Principal: { AWS: "*" },
      Action: "s3:GetObject",
      Resource: `arn:aws:s3:::${bucketName}/${product.ports.find((p) => p.name === c.port && p.major === c.major)!.prefix}*`,
      Condition: { ArnEquals: { "aws:PrincipalArn": c.roleArn } },
    }));
    for (const c of product.consumers.filter((x) => accountOf(x.roleArn) !== domain.account)) {
      readStatements.push({
        Sid: `List${c.port.replace(/_/g, "")}${c.consumer.replace(/[^A-Za-z0-9]/g, "")}`.slice(0, 100),
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: "s3:ListBucket",
        Resource: `arn:aws:s3:::${bucketName}`,
        Condition: { ArnEquals: { "aws:PrincipalArn": c.roleArn }, StringLike: { "s3:prefix": `${product.ports.find((p) => p.name === c.port && p.major === c.major)!.prefix}*` } },
      });
    }
    const bucket = secureBucket(ctx, `${name}-bucket`, {
      bucketName,
      kmsKeyArn: args.keyArn,
      classification: product.classification,
      expireAfterDays: product.sla.retentionDays,
      noncurrentVersionDays: product.noncurrentVersionDays,
      objectLockDays: product.containsPhi ? product.sla.retentionDays : undefined,
      accessLogBucket: names.accessLogBucket(),
      organizationId: domain.organizationId,
      // Inside the perimeter only the declared principals reach the data: this product, its approved consumers,
      // and the platform's deployer and break-glass roles.
      perimeterPrincipals: product.perimeter
        ? [names.roleArn(names.producerRole(product.name)), ...product.consumers.map((c) => c.roleArn), ...domain.perimeterRoles.deployers, ...domain.perimeterRoles.breakGlass]
        : undefined,
      extraStatements: readStatements,
    });

    const tables = product.ports.map((port) => ({ port, table: portTable(ctx, args.database, bucketName, port) }));
    for (const { port, table } of tables) tagTable(ctx, table, port);

    const logGroup = productLogGroup(ctx, product.name, args.keyArn, product.sla.retentionDays);
    productWorkgroup(ctx, product.name, names.queryResultsBucket(), args.keyArn, domain.athenaBytesScannedCutoffGb);
    const role = producerRole(ctx, {
      product: product.name,
      boundaryArn: args.boundaryArn,
      keyArn: args.keyArn,
      bucketName,
      ports: product.ports,
      inputs: product.inputs,
      kubernetes: domain.kubernetes,
      logGroupArn: logGroup.arn,
      inputLinks: args.inputLinks,
    });
    const roleArn = names.roleArn(names.producerRole(product.name));
    producerGrants(ctx, roleArn, args.database, tables);
    for (const grant of product.consumers) {
      consumerGrant(ctx, grant, tables.find((t) => t.port.name === grant.port && t.port.major === grant.major)!.table);
    }
    productAlarms(ctx, product, args.alertTopicArn);
    // Usage analytics: who read this product, from the access evidence the platform records.
    productUsageQueries(ctx, product, args.workgroupName, domain.platformHome);

    if (args.namespace) {
      productWorkloads(ctx, {
        spec: product,
        namespace: args.namespace,
        roleArn: role.arn,
        bucketName,
        logGroupName: names.logGroup(product.name),
        qualityRunnerImage: domain.qualityRunnerImage,
      });
    }

    this.bucketName = bucket.bucket.bucket;
    this.roleArn = role.arn;
    this.tables = pulumi.output(tables.map((t) => t.table.name));
    this.registerOutputs({ bucketName: this.bucketName, roleArn: this.roleArn, tables: this.tables });
  }
}

/** The account of an IAM role ARN (arn:aws:iam::<account>:role/<name>). */
function accountOf(roleArn: string): string {
  return roleArn.split(":")[4] ?? "";
}

export function sensitivityOf(product: DataProductSpec): "none" | "pii" | "phi" {
  return product.containsPhi ? "phi" : product.containsPii ? "pii" : "none";
}

/**
 * The component's own inputs: what governance (offline and in the policy pack) and the catalog need to know
 * about the product, recorded on the DataProduct resource itself.
 */
export function describeProduct(domain: DomainSpec, product: DataProductSpec): Record<string, unknown> {
  return {
    domain: domain.name,
    product: product.name,
    environment: domain.environment,
    description: product.description,
    owners: product.owners,
    classification: product.classification,
    sensitivity: sensitivityOf(product),
    contractVersion: product.contractVersion,
    sla: { ...product.sla },
    ports: product.ports.map((p) => ({ name: p.name, major: p.major, table: p.table, classification: p.port.classification, containsPii: p.port.containsPii, containsPhi: p.port.containsPhi, ...(p.deprecation ? { deprecation: p.deprecation } : {}) })),
    inputs: product.inputs.map((i) => ({ from: i.from, classification: i.classification, containsPhi: i.containsPhi, approved: i.approved })),
    // Role and approval route let governance check every grant against the approved consumers (HIPAA access authorisation).
    consumers: product.consumers.map((c) => ({ consumer: c.consumer, port: c.port, major: c.major, fields: c.fields, roleArn: c.roleArn, approvedVia: c.approvedVia })),
    qualityRules: product.quality.length,
    deidentification: product.deidentification,
    tags: product.tags,
  };
}
