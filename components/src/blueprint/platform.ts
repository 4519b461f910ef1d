import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { secureBucket } from "../aws/bucket";
import { LF_TAGS } from "../aws/lake-formation";
import { Names } from "../naming/names";
import { accountAdministration } from "../aws/kms";
import { type BuildContext, policyDocument, type PolicyStatement } from "./context";
import { withDataProtection } from "./protect-data";
import type { PlatformSpec } from "./resolve-platform";
import { tags } from "./tags";

export const PLATFORM_TYPE = "mesh:blueprint:Platform";

/** Role the platform assumes in other accounts of the organisation to create their access-log bucket. */
export const PLATFORM_DEPLOY_ROLE = "datamesh-platform-deployer";

export interface PlatformArgs {
  spec: PlatformSpec;
}

/**
 * The `platform-<env>` stack: Lake Formation admins and LF-tags, an access-log bucket per account and region
 * the domains use, and the bucket the catalog site is published to.
 */
export class Platform extends pulumi.ComponentResource {
  readonly logBuckets: pulumi.Output<string[]>;

  constructor(name: string, args: PlatformArgs, opts?: pulumi.ComponentResourceOptions) {
    // The platform never opts in to destroying: its buckets, keys and trail are the environment's audit evidence.
    super(PLATFORM_TYPE, name, {}, withDataProtection(opts, false));
    const { spec } = args;
    const provider = new aws.Provider(`${name}-aws`, { region: spec.region as aws.Region, allowedAccountIds: [spec.account] }, { parent: this });
    const baseTags = tags({ domain: "platform", owner: "platform", classification: "internal", costCentre: "PLATFORM", env: spec.environment });
    const contextFor = (account: string, region: string, p: aws.Provider): BuildContext => {
      const awsOpts = { parent: this, provider: p };
      return {
        name,
        parent: this,
        names: new Names({ prefix: spec.prefix, env: spec.environment, domain: "platform", account, region }),
        region,
        account,
        tags: baseTags,
        opts: awsOpts,
        stateful: awsOpts,
      };
    };
    const home = contextFor(spec.account, spec.region, provider);
    const trailName = home.names.auditTrail();
    const trailArn = `arn:aws:cloudtrail:${spec.region}:${spec.account}:trail/${trailName}`;

    new aws.lakeformation.DataLakeSettings(`${name}-lake-formation`, {
      admins: spec.dataLakeAdminRoles,
      // New databases and tables get no IAMAllowedPrincipals grant: Lake Formation permissions decide.
      createDatabaseDefaultPermissions: [],
      createTableDefaultPermissions: [],
    }, home.opts);
    for (const tag of Object.values(LF_TAGS)) {
      new aws.lakeformation.LfTag(`${name}-lf-tag-${tag.key}`, { key: tag.key, values: [...tag.values] }, home.opts);
    }

    const logBuckets = spec.logBuckets.map((target) => {
      const p = target.account === spec.account && target.region === spec.region
        ? provider
        : new aws.Provider(`${name}-aws-${target.account}-${target.region}`, {
          region: target.region as aws.Region,
          allowedAccountIds: [target.account],
          assumeRoles: [{ roleArn: `arn:aws:iam::${target.account}:role/${PLATFORM_DEPLOY_ROLE}`, sessionName: "datamesh-platform" }],
        }, { parent: this });
      const ctx = contextFor(target.account, target.region, p);
      const arn = `arn:aws:s3:::${target.name}`;
      const isHome = target.account === spec.account && target.region === spec.region;
      return secureBucket(ctx, `${name}-access-logs-${target.account}-${target.region}`, {
        bucketName: target.name,
        kmsKeyArn: "",
        sseS3: true,
        classification: "restricted",
        expireAfterDays: spec.logRetentionDays,
        organizationId: spec.organizationId,
        extraStatements: [{
          Sid: "S3ServerAccessLogDelivery",
          Effect: "Allow",
          Principal: { Service: "logging.s3.amazonaws.com" },
          Action: "s3:PutObject",
          Resource: `${arn}/*`,
          Condition: { StringEquals: { "aws:SourceAccount": target.account } },
        },
        // The audit trail of the environment writes to the log bucket of the platform's own account.
        ...(isHome ? cloudTrailDelivery(arn, spec.account, trailArn) : [])],
      });
    });

    const catalogKey = new aws.kms.Key(`${name}-catalog-key`, {
      description: `Catalog site of the data mesh (${spec.environment})`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      tags: baseTags,
    }, home.opts);
    secureBucket(home, `${name}-catalog`, {
      bucketName: spec.catalogBucket,
      kmsKeyArn: catalogKey.arn,
      classification: "internal",
      accessLogBucket: spec.logBuckets.find((b) => b.account === spec.account && b.region === spec.region)?.name,
      organizationId: spec.organizationId,
    });

    const homeLogBucket = spec.logBuckets.find((b) => b.account === spec.account && b.region === spec.region);
    if (homeLogBucket) {
      const auditKey = new aws.kms.Key(`${name}-audit-key`, {
        description: `CloudTrail data-event logs of the data mesh (${spec.environment})`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: policyDocument([
          accountAdministration(spec.account),
          {
            Sid: "CloudTrailEncrypt",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: ["kms:GenerateDataKey", "kms:DescribeKey"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceArn": trailArn } },
          },
        ]),
        tags: baseTags,
      }, home.opts);
      // Audit logging (HIPAA §164.312(b), FSBP S3.22/S3.23): every read and write of mesh data, from every region.
      new aws.cloudtrail.Trail(`${name}-data-audit`, {
        name: trailName,
        s3BucketName: homeLogBucket.name,
        s3KeyPrefix: "cloudtrail",
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        enableLogFileValidation: true,
        kmsKeyId: auditKey.arn,
        advancedEventSelectors: [
          { name: "Management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
          {
            name: "Mesh data reads and writes",
            fieldSelectors: [
              { field: "eventCategory", equals: ["Data"] },
              { field: "resources.type", equals: ["AWS::S3::Object"] },
              { field: "resources.ARN", startsWiths: [`arn:aws:s3:::${spec.prefix}-${spec.environment}-`] },
            ],
          },
        ],
        tags: baseTags,
      }, { ...home.opts, dependsOn: logBuckets.map((b) => b.bucket) });
    }

    this.logBuckets = pulumi.output(logBuckets.map((b) => b.name));
    this.registerOutputs({ logBuckets: this.logBuckets });
  }
}

/** The statements CloudTrail needs on the bucket it delivers to, scoped to the one trail. */
function cloudTrailDelivery(bucketArn: string, account: string, trailArn: string): PolicyStatement[] {
  return [
    {
      Sid: "CloudTrailAclCheck",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:GetBucketAcl",
      Resource: bucketArn,
      Condition: { StringEquals: { "aws:SourceArn": trailArn } },
    },
    {
      Sid: "CloudTrailWrite",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${bucketArn}/cloudtrail/AWSLogs/${account}/*`,
      Condition: { StringEquals: { "aws:SourceArn": trailArn } },
    },
  ];
}
