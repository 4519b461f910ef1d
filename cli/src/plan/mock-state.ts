import { createHash } from "node:crypto";

/** Where a mocked resource lives, taken from its provider (region, allowed account) or the stack's default. */
export interface Location {
  region: string;
  account: string;
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A UUID-shaped id derived from the resource's identity, so ids are stable across plans. */
export function stableUuid(seed: string): string {
  const h = digest(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Inputs = Record<string, any>;
type State = { id: string; state: Inputs };

/**
 * Realistic ids and ARNs for every resource type of the blueprint, in the formats AWS and Kubernetes return, so
 * manifests (and anything that reads `arn` outputs) look like a real deployment's.
 */
const AWS_STATE: Record<string, (name: string, inputs: Inputs, at: Location, seed: string) => State> = {
  "aws:s3/bucket:Bucket": (_n, i, at) => ({
    id: i.bucket,
    state: { arn: `arn:aws:s3:::${i.bucket}`, bucketDomainName: `${i.bucket}.s3.amazonaws.com`, bucketRegionalDomainName: `${i.bucket}.s3.${at.region}.amazonaws.com`, region: at.region, hostedZoneId: "Z1BKCTXD74EZPE" },
  }),
  "aws:kms/key:Key": (_n, _i, at, seed) => {
    const keyId = stableUuid(seed);
    return { id: keyId, state: { keyId, arn: `arn:aws:kms:${at.region}:${at.account}:key/${keyId}` } };
  },
  "aws:kms/alias:Alias": (_n, i, at) => ({ id: i.name, state: { arn: `arn:aws:kms:${at.region}:${at.account}:${i.name}`, targetKeyArn: `arn:aws:kms:${at.region}:${at.account}:key/${i.targetKeyId}` } }),
  "aws:glue/catalogDatabase:CatalogDatabase": (_n, i, at) => ({ id: `${at.account}:${i.name}`, state: { arn: `arn:aws:glue:${at.region}:${at.account}:database/${i.name}`, catalogId: at.account } }),
  "aws:glue/catalogTable:CatalogTable": (_n, i, at) => ({ id: `${at.account}:${i.databaseName}:${i.name}`, state: { arn: `arn:aws:glue:${at.region}:${at.account}:table/${i.databaseName}/${i.name}`, catalogId: at.account } }),
  "aws:iam/role:Role": (_n, i, at, seed) => ({ id: i.name, state: { arn: `arn:aws:iam::${at.account}:role/${i.name}`, uniqueId: `AROA${digest(seed).slice(0, 17).toUpperCase()}` } }),
  "aws:iam/policy:Policy": (_n, i, at, seed) => ({ id: `arn:aws:iam::${at.account}:policy/${i.name}`, state: { arn: `arn:aws:iam::${at.account}:policy/${i.name}`, policyId: `ANPA${digest(seed).slice(0, 17).toUpperCase()}` } }),
  "aws:iam/rolePolicy:RolePolicy": (_n, i) => ({ id: `${i.role}:${i.name}`, state: {} }),
  "aws:sns/topic:Topic": (_n, i, at) => {
    const arn = `arn:aws:sns:${at.region}:${at.account}:${i.name}`;
    return { id: arn, state: { arn, owner: at.account } };
  },
  "aws:sns/topicSubscription:TopicSubscription": (_n, i, _at, seed) => {
    const arn = `${i.topic}:${stableUuid(seed)}`;
    return { id: arn, state: { arn } };
  },
  "aws:sns/topicPolicy:TopicPolicy": (_n, i) => ({ id: i.arn, state: { owner: String(i.arn).split(":")[4] } }),
  "aws:cloudwatch/metricAlarm:MetricAlarm": (_n, i, at) => ({ id: i.name, state: { arn: `arn:aws:cloudwatch:${at.region}:${at.account}:alarm:${i.name}` } }),
  "aws:cloudwatch/dashboard:Dashboard": (_n, i, at) => ({ id: i.dashboardName, state: { dashboardArn: `arn:aws:cloudwatch::${at.account}:dashboard/${i.dashboardName}` } }),
  "aws:cloudwatch/logGroup:LogGroup": (_n, i, at) => ({ id: i.name, state: { arn: `arn:aws:logs:${at.region}:${at.account}:log-group:${i.name}` } }),
  "aws:athena/workgroup:Workgroup": (_n, i, at) => ({ id: i.name, state: { arn: `arn:aws:athena:${at.region}:${at.account}:workgroup/${i.name}` } }),
  "aws:lakeformation/lfTag:LfTag": (_n, i, at) => ({ id: `${at.account}:${i.key}`, state: { catalogId: at.account } }),
};

/** Mocked id and output state of a resource: its inputs plus what the service would add. */
export function mockState(type: string, name: string, inputs: Inputs, at: Location): State {
  const seed = `${type}::${name}`;
  const aws = AWS_STATE[type];
  if (aws) {
    const { id, state } = aws(name, inputs, at, seed);
    const out: Inputs = { ...inputs, ...state, id };
    if (inputs.tags !== undefined) out.tagsAll = inputs.tags;
    return { id, state: out };
  }
  if (type.startsWith("kubernetes:")) {
    const meta = inputs.metadata ?? {};
    const id = meta.namespace ? `${meta.namespace}/${meta.name}` : String(meta.name ?? name);
    return { id, state: { ...inputs, metadata: { ...meta, uid: stableUuid(seed), resourceVersion: "1", creationTimestamp: "2026-01-01T00:00:00Z" } } };
  }
  return { id: `${name}-${digest(seed).slice(0, 8)}`, state: { ...inputs } };
}
