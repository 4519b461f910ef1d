/**
 * Physical name limits of each service the blueprint names, from the AWS and Kubernetes documentation.
 * The naming module is the only place that builds physical names, and it checks every one against these.
 */
export interface NameRule {
  /** Human description used in errors. */
  readonly description: string;
  readonly min: number;
  readonly max: number;
  /** Characters allowed; anything else is replaced by `separator`. */
  readonly allowed: RegExp;
  /** Character used to join parts and replace invalid characters. */
  readonly separator: string;
  readonly lowercase: boolean;
  /** Whole-name check after sanitising (prefix/suffix rules). */
  readonly valid: RegExp;
  readonly forbiddenPrefixes?: readonly string[];
  readonly forbiddenSuffixes?: readonly string[];
}

const dns1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const NAME_RULES = {
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
  s3Bucket: {
    description: "S3 bucket name (3-63 lowercase letters, digits, hyphens; starts and ends with a letter or digit)",
    min: 3,
    max: 63,
    allowed: /[a-z0-9-]/,
    separator: "-",
    lowercase: true,
    valid: /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/,
    forbiddenPrefixes: ["xn--", "sthree-", "amzn-s3-demo-"],
    forbiddenSuffixes: ["-s3alias", "--ol-s3", "--x-s3", "--table-s3"],
  },
  // https://docs.aws.amazon.com/glue/latest/dg/define-database.html (lowercase, underscores for Athena)
  glue: {
    description: "Glue database or table name (1-255 lowercase letters, digits, underscores)",
    min: 1,
    max: 255,
    allowed: /[a-z0-9_]/,
    separator: "_",
    lowercase: true,
    valid: /^[a-z0-9_]+$/,
  },
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
  iamRole: {
    description: "IAM role name (1-64 of letters, digits and +=,.@_-)",
    min: 1,
    max: 64,
    allowed: /[A-Za-z0-9+=,.@_-]/,
    separator: "-",
    lowercase: false,
    valid: /^[A-Za-z0-9+=,.@_-]+$/,
  },
  iamPolicy: {
    description: "IAM policy name (1-128 of letters, digits and +=,.@_-)",
    min: 1,
    max: 128,
    allowed: /[A-Za-z0-9+=,.@_-]/,
    separator: "-",
    lowercase: false,
    valid: /^[A-Za-z0-9+=,.@_-]+$/,
  },
  // https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html (alias/ prefix counted)
  kmsAlias: {
    description: "KMS alias name (alias/ followed by letters, digits, /_-, up to 256 characters, not alias/aws/)",
    min: 7,
    max: 256,
    allowed: /[A-Za-z0-9/_-]/,
    separator: "-",
    lowercase: false,
    valid: /^alias\/(?!aws\/)[A-Za-z0-9/_-]+$/,
    forbiddenPrefixes: ["alias/aws/"],
  },
  // https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html
  snsTopic: {
    description: "SNS topic name (1-256 letters, digits, hyphens, underscores)",
    min: 1,
    max: 256,
    allowed: /[A-Za-z0-9_-]/,
    separator: "-",
    lowercase: false,
    valid: /^[A-Za-z0-9_-]+$/,
  },
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
  cloudwatchAlarm: {
    description: "CloudWatch alarm name (1-255 printable ASCII characters)",
    min: 1,
    max: 255,
    allowed: /[A-Za-z0-9_.-]/,
    separator: "-",
    lowercase: false,
    valid: /^[A-Za-z0-9_.-]+$/,
  },
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html
  cloudwatchDashboard: {
    description: "CloudWatch dashboard name (1-255 letters, digits, -_)",
    min: 1,
    max: 255,
    allowed: /[A-Za-z0-9_-]/,
    separator: "-",
    lowercase: false,
    valid: /^[A-Za-z0-9_-]+$/,
  },
  // https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html
  logGroup: {
    description: "CloudWatch Logs group name (1-512 letters, digits, _-/.#)",
    min: 1,
    max: 512,
    allowed: /[A-Za-z0-9_./#-]/,
    separator: "-",
    lowercase: false,
    valid: /^[A-Za-z0-9_./#-]+$/,
  },
  // https://docs.aws.amazon.com/athena/latest/APIReference/API_CreateWorkGroup.html
  athenaWorkgroup: {
    description: "Athena workgroup name (1-128 letters, digits, ._-)",
    min: 1,
    max: 128,
    allowed: /[A-Za-z0-9._-]/,
    separator: "-",
    lowercase: false,
    valid: /^[A-Za-z0-9._-]+$/,
  },
  athenaNamedQuery: {
    // AWS Athena API reference, CreateNamedQuery: Name, length 1-128.
    description: "Athena named query name (1-128 characters)",
    min: 1,
    max: 128,
    allowed: /[A-Za-z0-9._-]/,
    separator: "-",
    lowercase: false,
    valid: /^[A-Za-z0-9._-]+$/,
  },
  // https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html
  cloudtrailTrail: {
    description: "CloudTrail trail name (3-128 letters, digits, ._-, starting with a letter or digit, no adjacent ._-)",
    min: 3,
    max: 128,
    // Only hyphens as separators: the sanitiser collapses repeated hyphens, and CloudTrail refuses adjacent ._-.
    allowed: /[A-Za-z0-9-]/,
    separator: "-",
    lowercase: false,
    valid: /^[A-Za-z0-9](?!.*[._-]{2})[A-Za-z0-9._-]*[A-Za-z0-9]$/,
  },
  // https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names
  k8sName: {
    description: "Kubernetes name (DNS-1123 label: 1-63 lowercase letters, digits, hyphens)",
    min: 1,
    max: 63,
    allowed: /[a-z0-9-]/,
    separator: "-",
    lowercase: true,
    valid: dns1123,
  },
  // CronJob names are limited to 52 characters: the controller appends an 11-character suffix to Job names.
  k8sCronJob: {
    description: "Kubernetes CronJob name (1-52 lowercase letters, digits, hyphens)",
    min: 1,
    max: 52,
    allowed: /[a-z0-9-]/,
    separator: "-",
    lowercase: true,
    valid: dns1123,
  },
} as const satisfies Record<string, NameRule>;

export type NameKind = keyof typeof NAME_RULES;

/** AWS tag limits (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html). */
export const TAG_LIMITS = { maxTags: 50, keyMax: 128, valueMax: 256 } as const;
