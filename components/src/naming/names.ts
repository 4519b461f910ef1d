import { physicalName } from "./build";

/** Where a domain environment deploys: everything a physical name or ARN depends on. */
export interface NameScope {
  /** Organisation prefix from mesh.yaml, for globally unique names. */
  prefix: string;
  env: string;
  domain: string;
  account: string;
  region: string;
}

/**
 * Every physical name of the blueprint, built in one place from the scope. Names are deterministic, so other
 * stacks (consumers, the platform stack) can compute ARNs without reading outputs, and stacks deploy in any order.
 */
export class Names {
  constructor(readonly scope: NameScope) {}

  private get base(): string[] {
    return [this.scope.prefix, this.scope.env, this.scope.domain];
  }

  kmsAlias(): string {
    return physicalName("kmsAlias", [[this.scope.prefix, this.scope.env, this.scope.domain].join("/")], { prefix: "alias/" });
  }
  glueDatabase(): string {
    return physicalName("glue", this.base);
  }
  glueTable(port: string, major: number): string {
    return physicalName("glue", [port, `v${major}`]);
  }
  alertTopic(): string {
    return physicalName("snsTopic", [...this.base, "alerts"]);
  }
  dashboard(): string {
    return physicalName("cloudwatchDashboard", this.base);
  }
  athenaWorkgroup(): string {
    return physicalName("athenaWorkgroup", this.base);
  }
  /** A product's own workgroup: its enforced result location is the product's prefix of the query-results bucket. */
  productWorkgroup(product: string): string {
    return physicalName("athenaWorkgroup", [...this.base, product]);
  }
  queryResultsBucket(): string {
    return physicalName("s3Bucket", [...this.base, "query-results"]);
  }
  permissionsBoundary(): string {
    return physicalName("iamPolicy", [...this.base, "boundary"]);
  }
  productBucket(product: string): string {
    return physicalName("s3Bucket", [...this.base, product]);
  }
  producerRole(product: string): string {
    return physicalName("iamRole", [...this.base, product]);
  }
  producerPolicy(product: string): string {
    return physicalName("iamPolicy", [...this.base, product, "producer"]);
  }
  logGroup(product: string): string {
    return physicalName("logGroup", [["datamesh", this.scope.env, this.scope.domain, product].join("/")], { prefix: "/" });
  }
  alarm(product: string, what: string): string {
    return physicalName("cloudwatchAlarm", [...this.base, product, what]);
  }
  namespace(): string {
    return physicalName("k8sName", [this.scope.domain, this.scope.env]);
  }
  serviceAccount(product: string): string {
    return physicalName("k8sName", [product]);
  }
  cronJob(product: string, what: "pipeline" | "quality"): string {
    return physicalName("k8sCronJob", [product, what]);
  }
  /** The shared access-log bucket of the account and region, created by the platform stack. */
  accessLogBucket(): string {
    return physicalName("s3Bucket", [this.scope.prefix, this.scope.env, "access-logs", this.scope.account, this.scope.region]);
  }

  /** The environment's CloudTrail trail of data reads and writes, created by the platform stack. */
  auditTrail(): string {
    return physicalName("cloudtrailTrail", [this.scope.prefix, this.scope.env, "data-audit"]);
  }

  roleArn(roleName: string): string {
    return `arn:aws:iam::${this.scope.account}:role/${roleName}`;
  }
  policyArn(policyName: string): string {
    return `arn:aws:iam::${this.scope.account}:policy/${policyName}`;
  }
}
