import { beforeAll, describe, expect, it } from "vitest";
import type { ManifestResource } from "../../cli/src/plan/manifest";
import { byType, one, policyOf, recordingRuntime, resolved, settle } from "../helpers/mock-runtime";
import { MINI } from "../helpers/fixture";

// Declares the fixture's `sales` domain in dev (Kubernetes on, one consumer) and inspects what it registered.
let resources: ManifestResource[];
let outputs: { keyArn: string; databaseName: string; topicArn: string; bucket: string; roleArn: string; tables: string[] };

beforeAll(async () => {
  const recorder = await recordingRuntime("sales-dev");
  const { loadMesh, resolveDomainStack, Domain } = await import("../../components/src");
  const spec = resolveDomainStack(loadMesh(MINI), "sales", "dev");
  const domain = new Domain("sales", { spec });
  await settle();
  const product = domain.products.orders!;
  outputs = {
    keyArn: await resolved(domain.keyArn),
    databaseName: await resolved(domain.databaseName),
    topicArn: await resolved(domain.alertTopicArn),
    bucket: await resolved(product.bucketName),
    roleArn: await resolved(product.roleArn),
    tables: await resolved(product.tables),
  };
  await settle();
  resources = recorder.resources;
});

const BUCKET = "aws:s3/bucket:Bucket";

describe("Domain outputs", () => {
  it("resolve to realistic ARNs and deterministic names", () => {
    expect(outputs.keyArn).toMatch(/^arn:aws:kms:eu-west-1:111111111111:key\/[0-9a-f-]{36}$/);
    expect(outputs.databaseName).toBe("fx_dev_sales");
    expect(outputs.topicArn).toBe("arn:aws:sns:eu-west-1:111111111111:fx-dev-sales-alerts");
    expect(outputs.bucket).toBe("fx-dev-sales-orders");
    expect(outputs.roleArn).toBe("arn:aws:iam::111111111111:role/fx-dev-sales-orders");
    expect(outputs.tables).toEqual(["orders_v2"]);
  });

  it("parents every child to its component and pins AWS resources to the domain's provider", () => {
    const provider = one(resources, "pulumi:providers:aws", "sales-aws");
    expect(provider.inputs).toMatchObject({ region: "eu-west-1", allowedAccountIds: '["111111111111"]' });
    expect(resources.length).toBeGreaterThan(20);
    for (const r of resources) {
      if (r.type === "mesh:blueprint:Domain") continue;
      expect(r.parent, r.urn).toMatch(/mesh:blueprint:(Domain|DataProduct)::sales/);
      if (r.type.startsWith("aws:")) expect(r.provider, r.urn).toContain("pulumi:providers:aws::sales-aws");
    }
  });

  it("pins every Kubernetes resource to the environment's cluster, named in mesh.yaml, never the ambient kubeconfig", () => {
    const provider = one(resources, "pulumi:providers:kubernetes", "sales-k8s");
    // The names `aws eks update-kubeconfig --name fixture-dev` gives the context and the cluster entry: the ARN.
    expect(provider.inputs).toMatchObject({ context: "arn:aws:eks:eu-west-1:111111111111:cluster/fixture-dev", cluster: "arn:aws:eks:eu-west-1:111111111111:cluster/fixture-dev" });
    const k8s = resources.filter((r) => r.type.startsWith("kubernetes:"));
    expect(k8s.length).toBeGreaterThan(5);
    for (const r of k8s) expect(r.provider, r.urn).toContain("pulumi:providers:kubernetes::sales-k8s");
  });
});

describe("product bucket", () => {
  const settingOf = (type: string) => resources.find((r) => r.type === type && r.name.startsWith("sales-orders-bucket"))!;

  it("is named deterministically, protected and retained", () => {
    const bucket = one(resources, BUCKET, "sales-orders-bucket");
    expect(bucket.inputs.bucket).toBe("fx-dev-sales-orders");
    expect(bucket.protect).toBe(true);
    expect(bucket.retainOnDelete).toBe(true);
    expect(bucket.inputs.forceDestroy).toBe(false);
  });

  it("encrypts with the domain key (SSE-KMS, bucket key on)", () => {
    const sse = settingOf("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration");
    expect(sse.inputs.rules).toEqual([{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: outputs.keyArn }, bucketKeyEnabled: true }]);
  });

  it("versions, blocks public access and enforces bucket-owner ownership", () => {
    expect(settingOf("aws:s3/bucketVersioning:BucketVersioning").inputs.versioningConfiguration).toEqual({ status: "Enabled" });
    expect(settingOf("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs).toMatchObject({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    expect(settingOf("aws:s3/bucketOwnershipControls:BucketOwnershipControls").inputs.rule).toEqual({ objectOwnership: "BucketOwnerEnforced" });
  });

  it("derives lifecycle from the contract retention and classification", () => {
    const rules = settingOf("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs.rules as Record<string, any>[];
    expect(rules[0]).toMatchObject({ id: "noncurrent-versions", status: "Enabled", noncurrentVersionExpiration: { noncurrentDays: 90 }, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } });
    expect(rules[1]).toMatchObject({ id: "retention", status: "Enabled", expiration: { days: 400 }, transitions: [{ days: 90, storageClass: "STANDARD_IA" }, { days: 180, storageClass: "GLACIER_IR" }] });
  });

  it("logs access to the shared log bucket of its account and region", () => {
    expect(settingOf("aws:s3/bucketLogging:BucketLogging").inputs).toMatchObject({ targetBucket: "fx-dev-access-logs-111111111111-eu-west-1", targetPrefix: "fx-dev-sales-orders/" });
  });

  it("has a policy that denies plain HTTP and principals outside the organisation, and lets the declared consumer read its port", () => {
    const statements = policyOf(settingOf("aws:s3/bucketPolicy:BucketPolicy")).Statement;
    expect(statements.find((s) => s.Sid === "DenyInsecureTransport")).toMatchObject({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } });
    expect(statements.find((s) => s.Sid === "DenyOutsideOrganization")).toMatchObject({ Effect: "Deny", Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-abcdef1234" } } });
    const read = statements.find((s) => s.Effect === "Allow")!;
    expect(read).toMatchObject({ Action: "s3:GetObject", Resource: "arn:aws:s3:::fx-dev-sales-orders/orders/v2/*", Condition: { ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::111111111111:role/fx-dev-analytics-churn" } } });
  });
});

describe("KMS key", () => {
  it("rotates yearly with a 30-day deletion window and an alias, and grants consumers decrypt only via S3", () => {
    const key = one(resources, "aws:kms/key:Key", "sales-key");
    expect(key.inputs).toMatchObject({ enableKeyRotation: true, rotationPeriodInDays: 365, deletionWindowInDays: 30 });
    expect(key.protect && key.retainOnDelete).toBe(true);
    expect(one(resources, "aws:kms/alias:Alias", "sales-key-alias").inputs.name).toBe("alias/fx/dev/sales");
    const consumers = policyOf(key).Statement.find((s) => s.Sid === "ConsumersDecryptThroughS3")!;
    expect(consumers.Condition).toEqual({ ArnEquals: { "aws:PrincipalArn": ["arn:aws:iam::111111111111:role/fx-dev-analytics-churn"] }, StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } });
  });
});

describe("Glue catalog and Lake Formation", () => {
  it("creates the database without implicit IAM grants, protected", () => {
    const db = one(resources, "aws:glue/catalogDatabase:CatalogDatabase", "sales-database");
    expect(db.inputs).toMatchObject({ name: "fx_dev_sales", createTableDefaultPermissions: [] });
    expect(db.protect).toBe(true);
  });

  it("creates a table per port and major version typed from the contract", () => {
    const table = one(resources, "aws:glue/catalogTable:CatalogTable", "sales-orders-orders-v2");
    expect(table.protect && table.retainOnDelete).toBe(true);
    expect(table.inputs).toMatchObject({ name: "orders_v2", databaseName: "fx_dev_sales", tableType: "EXTERNAL_TABLE" });
    const sd = table.inputs.storageDescriptor as Record<string, any>;
    expect(sd.location).toBe("s3://fx-dev-sales-orders/orders/v2/");
    expect(sd.columns.map((c: any) => `${c.name}:${c.type}`)).toEqual(["order_id:varchar(36)", "customer_email:string", "amount:decimal(12,2)", "placed_at:timestamp"]);
    expect(table.inputs.partitionKeys).toEqual([{ name: "order_date", type: "date", comment: "" }]);
  });

  it("tags the table with its classification and sensitivity", () => {
    const tags = one(resources, "aws:lakeformation/resourceLfTags:ResourceLfTags", "orders-v2-lf-tags");
    expect(tags.inputs.lfTags).toEqual([{ key: "classification", value: "confidential" }, { key: "sensitivity", value: "pii" }]);
  });

  it("grants the consumer SELECT on exactly the columns it declared", () => {
    const grant = one(resources, "aws:lakeformation/permissions:Permissions", "read-orders-analytics--churn");
    expect(grant.inputs).toMatchObject({
      principal: "arn:aws:iam::111111111111:role/fx-dev-analytics-churn",
      permissions: ["SELECT"],
      tableWithColumns: { databaseName: "fx_dev_sales", name: "orders_v2", columnNames: ["order_id", "amount", "order_date"] },
    });
  });
});

describe("producer role", () => {
  it("is bounded by the domain boundary and trusted only by its service account through IRSA", () => {
    const role = one(resources, "aws:iam/role:Role", "sales-orders-producer");
    expect(role.inputs.name).toBe("fx-dev-sales-orders");
    expect(role.inputs.permissionsBoundary).toBe("arn:aws:iam::111111111111:policy/fx-dev-sales-boundary");
    const trust = policyOf(role, "assumeRolePolicy").Statement[0]!;
    const issuer = "oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789ABCDEF0123456789";
    expect(trust).toMatchObject({
      Action: "sts:AssumeRoleWithWebIdentity",
      Principal: { Federated: `arn:aws:iam::111111111111:oidc-provider/${issuer}` },
      Condition: { StringEquals: { [`${issuer}:sub`]: "system:serviceaccount:sales-dev:orders", [`${issuer}:aud`]: "sts.amazonaws.com" } },
    });
  });

  it("has no wildcard action and no wildcard resource beyond its own object paths", () => {
    const policy = policyOf(one(resources, "aws:iam/rolePolicy:RolePolicy", "sales-orders-producer-policy"));
    expect(policy.Statement.length).toBeGreaterThan(0);
    for (const s of policy.Statement) {
      for (const action of [s.Action].flat()) expect(action, s.Sid).not.toContain("*");
      for (const resource of [s.Resource].flat()) {
        expect(resource, s.Sid).not.toBe("*");
        expect(resource.indexOf("*") === -1 || resource.endsWith("/*") || resource.endsWith(":*"), `${s.Sid}: ${resource}`).toBe(true);
      }
    }
    expect(policy.Statement.find((s) => s.Sid === "UseDomainKey")!.Resource).toBe(outputs.keyArn);
  });
});

describe("monitoring", () => {
  it("encrypts the alert topic with the domain key and subscribes the owner", () => {
    const topic = one(resources, "aws:sns/topic:Topic", "sales-alerts");
    expect(topic.inputs).toMatchObject({ name: "fx-dev-sales-alerts", kmsMasterKeyId: outputs.keyArn });
    expect(topic.protect).toBe(true);
    expect(one(resources, "aws:sns/topicSubscription:TopicSubscription", "sales-alerts-owner").inputs).toMatchObject({ protocol: "email", endpoint: "sales-data@example.com" });
  });

  it("alarms on freshness from the latency SLA and on quality failures, missing data breaching", () => {
    const freshness = one(resources, "aws:cloudwatch/metricAlarm:MetricAlarm", "sales-orders-freshness");
    expect(freshness.inputs).toMatchObject({ metricName: "RowsPublished", period: 3600, evaluationPeriods: 1, comparisonOperator: "LessThanThreshold", threshold: 1, treatMissingData: "breaching", alarmActions: [outputs.topicArn] });
    const quality = one(resources, "aws:cloudwatch/metricAlarm:MetricAlarm", "sales-orders-quality");
    expect(quality.inputs).toMatchObject({ metricName: "QualityChecksFailed", treatMissingData: "breaching", comparisonOperator: "GreaterThanOrEqualToThreshold" });
  });

  it("encrypts the product log group and keeps it at least 90 days", () => {
    const logs = one(resources, "aws:cloudwatch/logGroup:LogGroup", "sales-orders-logs");
    expect(logs.inputs).toMatchObject({ name: "/datamesh/dev/sales/orders", kmsKeyId: outputs.keyArn, retentionInDays: 400 });
  });

  it("has a dashboard with a row per product", () => {
    const body = JSON.parse(one(resources, "aws:cloudwatch/dashboard:Dashboard", "sales-dashboard").inputs.dashboardBody as string);
    expect(body.widgets).toHaveLength(2);
  });

  it("runs queries in a workgroup that enforces encrypted results and a scan cut-off", () => {
    const wg = one(resources, "aws:athena/workgroup:Workgroup", "sales-workgroup");
    expect(wg.inputs.configuration).toMatchObject({
      enforceWorkgroupConfiguration: true,
      bytesScannedCutoffPerQuery: 10 * 1024 ** 3,
      resultConfiguration: { outputLocation: "s3://fx-dev-sales-query-results/", encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: outputs.keyArn } },
    });
  });
});

describe("tags", () => {
  it("puts the mesh tags on every taggable AWS resource", () => {
    const taggable = resources.filter((r) => r.type.startsWith("aws:") && r.inputs.tags !== undefined);
    expect(taggable.length).toBeGreaterThan(8);
    for (const r of taggable) {
      expect(Object.keys(r.inputs.tags as object).sort(), r.urn).toEqual(expect.arrayContaining(["mesh:blueprint-version", "mesh:classification", "mesh:cost-centre", "mesh:domain", "mesh:env", "mesh:owner"]));
    }
    expect(one(resources, BUCKET, "sales-orders-bucket").inputs.tags).toEqual({
      "mesh:domain": "sales", "mesh:product": "orders", "mesh:owner": "sales-data", "mesh:classification": "confidential",
      "mesh:cost-centre": "CC-100", "mesh:blueprint-version": "1.0.0", "mesh:env": "dev", "mesh:sensitivity": "pii",
    });
  });

  it("never exceeds AWS tag limits", () => {
    expect(resources.filter((x) => x.inputs.tags).length).toBeGreaterThan(0);
    for (const r of resources.filter((x) => x.inputs.tags)) {
      const tags = r.inputs.tags as Record<string, string>;
      expect(Object.keys(tags).length).toBeLessThanOrEqual(50);
      for (const [k, v] of Object.entries(tags)) {
        expect(k.length).toBeLessThanOrEqual(128);
        expect(v.length).toBeLessThanOrEqual(256);
      }
    }
  });
});

describe("Kubernetes", () => {
  it("creates a namespace that enforces Pod Security restricted", () => {
    const ns = one(resources, "kubernetes:core/v1:Namespace", "sales-namespace");
    expect((ns.inputs.metadata as any).labels).toMatchObject({ "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/warn": "restricted", "pod-security.kubernetes.io/audit": "restricted" });
    expect((ns.inputs.metadata as any).name).toBe("sales-dev");
  });

  it("sizes the quota from the products and sets default limits", () => {
    const quota = one(resources, "kubernetes:core/v1:ResourceQuota", "sales-quota");
    // orders: pipeline 500m/1Gi + quality 250m/512Mi, twice for headroom.
    expect((quota.inputs.spec as any).hard).toMatchObject({ "limits.cpu": "1500m", "limits.memory": "3072Mi", "count/cronjobs.batch": "2" });
    expect((one(resources, "kubernetes:core/v1:LimitRange", "sales-limits").inputs.spec as any).limits[0]).toMatchObject({ type: "Container", default: { cpu: "500m", memory: "512Mi" } });
  });

  it("denies all traffic by default and allows only DNS and HTTPS egress", () => {
    const deny = one(resources, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "sales-default-deny");
    expect(deny.inputs.spec).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
    const egress = (one(resources, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "sales-egress-dns-https").inputs.spec as any).egress;
    expect(egress.flatMap((e: any) => e.ports.map((p: any) => `${p.protocol}/${p.port}`))).toEqual(["UDP/53", "TCP/53", "TCP/443"]);
    expect(egress[1].to[0].ipBlock.except).toEqual(["169.254.169.254/32"]);
  });

  it("grants the pipelines a Role without wildcards, bound to each product's service account", () => {
    const role = one(resources, "kubernetes:rbac.authorization.k8s.io/v1:Role", "sales-pipeline-role");
    expect((role.inputs.rules as any[]).length).toBeGreaterThan(0);
    for (const rule of role.inputs.rules as any[]) {
      for (const field of ["apiGroups", "resources", "verbs"]) expect(rule[field]).not.toContain("*");
    }
    const binding = one(resources, "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "sales-pipeline-binding");
    expect(binding.inputs.subjects).toEqual([{ kind: "ServiceAccount", name: "orders", namespace: "sales-dev" }]);
  });

  it("annotates the product service account for IRSA", () => {
    const sa = one(resources, "kubernetes:core/v1:ServiceAccount", "sales-orders-service-account");
    expect((sa.inputs.metadata as any).annotations["eks.amazonaws.com/role-arn"]).toBe(outputs.roleArn);
  });

  it.each(["pipeline", "quality"])("runs the %s CronJob with a restricted security context and limits", (what) => {
    const job = one(resources, "kubernetes:batch/v1:CronJob", `sales-orders-${what}`);
    const spec = job.inputs.spec as any;
    expect((job.inputs.metadata as any).name).toBe(`orders-${what}`);
    expect(spec.concurrencyPolicy).toBe("Forbid");
    const pod = spec.jobTemplate.spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
    expect(pod.automountServiceAccountToken).toBe(false);
    const container = pod.containers[0];
    expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ["ALL"] }, seccompProfile: { type: "RuntimeDefault" } });
    expect(container.resources.limits).toBeDefined();
    expect(container.resources.requests).toEqual(container.resources.limits);
  });

  it("ships the contract's quality rules to the quality job", () => {
    const cm = one(resources, "kubernetes:core/v1:ConfigMap", "sales-orders-quality-rules");
    const rules = JSON.parse((cm.inputs.data as any)["rules.json"]);
    expect(rules.contractVersion).toBe("2.1.0");
    expect(rules.rules).toEqual([expect.objectContaining({ port: "orders", field: "order_id", name: "nullValues", rule: expect.objectContaining({ mustBe: 0 }) })]);
  });
});

describe("protection", () => {
  it("protects and retains exactly what holds data or audit evidence", () => {
    // Buckets, keys, Glue catalog entries, topics, the product log group (run logs kept a year as the audit trail)
    // and the workgroup (its query history): what a domain stack loses for good when one is deleted.
    const stateful = new Set(["aws:s3/bucket:Bucket", "aws:kms/key:Key", "aws:glue/catalogDatabase:CatalogDatabase", "aws:glue/catalogTable:CatalogTable", "aws:sns/topic:Topic", "aws:cloudwatch/logGroup:LogGroup", "aws:athena/workgroup:Workgroup"]);
    expect(resources.filter((r) => stateful.has(r.type)).length).toBeGreaterThan(4);
    for (const r of resources) {
      expect(r.protect, r.urn).toBe(stateful.has(r.type));
      expect(r.retainOnDelete, r.urn).toBe(stateful.has(r.type));
    }
    expect(byType(resources, BUCKET)).toHaveLength(2);
  });
});
