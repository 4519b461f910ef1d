import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { STATEFUL_TYPES as GATE_TYPES } from "../../cli/src/diff/replace-table";
import type { ManifestResource } from "../../cli/src/plan/manifest";
import { STATEFUL_TYPES as RULE_TYPES } from "../../components/policies/helpers/types";
import { DATA_RESOURCE_TYPES } from "../../components/src/blueprint/data-resources";
import { REPO } from "../helpers/fixture";
import { recordingRuntime, settle } from "../helpers/mock-runtime";
import { EXAMPLE_MESHES } from "../upgrade/meshes";

/**
 * What loses data or evidence when it is deleted, from the services' own documentation — written down here, not
 * read from the blueprint's list. Every resource type the example meshes declare is judged by this table.
 */
const LOSES_DATA_WHEN_DELETED: Record<string, string> = {
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/delete-bucket.html: "you must delete all of the objects
  // in the bucket" — the objects (data, query results, access logs) go with it.
  "aws:s3/bucket:Bucket": "objects",
  // https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html: "After a KMS key is deleted, you can
  // no longer decrypt the data that was encrypted under that KMS key."
  "aws:kms/key:Key": "decryption of everything encrypted with it",
  // https://docs.aws.amazon.com/glue/latest/webapi/API_DeleteDatabase.html: "you no longer have access to the
  // tables (and all table versions and partitions that might belong to the tables)".
  "aws:glue/catalogDatabase:CatalogDatabase": "tables, versions, partitions",
  // https://docs.aws.amazon.com/glue/latest/webapi/API_DeleteTable.html: table versions and partitions are deleted.
  "aws:glue/catalogTable:CatalogTable": "versions, partitions",
  // https://docs.aws.amazon.com/sns/latest/api/API_DeleteTopic.html: "Deletes a topic and all its subscriptions."
  "aws:sns/topic:Topic": "subscriptions",
  // https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteLogGroup.html: "permanently
  // deletes all the archived log events associated with the log group".
  "aws:cloudwatch/logGroup:LogGroup": "log events",
  // https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-delete-trails-console.html: a deleted
  // trail stops logging; HIPAA §164.312(b) needs the audit record of data access without gaps.
  "aws:cloudtrail/trail:Trail": "continuity of the audit record",
  // https://docs.aws.amazon.com/athena/latest/APIReference/API_DeleteWorkGroup.html: RecursiveDeleteOption deletes
  // "the workgroup and its contents", its "named queries, query executions, or notebooks".
  "aws:athena/workgroup:Workgroup": "query history, named queries",
};

let resources: ManifestResource[] = [];
/** Components declared with the double opt-in given (a non-production domain that set allowDestroy). */
const optedIn = new Set<string>();

beforeAll(async () => {
  const recorder = recordingRuntime("examples");
  const { loadMesh, resolveDomainStack, resolvePlatformStack, Domain, Platform } = await import("../../components/src");
  for (const example of EXAMPLE_MESHES) {
    const mesh = loadMesh(join(REPO, example.root));
    for (const env of Object.keys(mesh.config.environments)) {
      for (const domain of mesh.domains.filter((d) => d.config.environments[env])) {
        const spec = resolveDomainStack(mesh, domain.name, env);
        new Domain(`${example.name}-${domain.name}-${env}`, { spec });
        if (spec.allowDestroy && !spec.production) {
          // The same stack once more with the deployer's half of the opt-in too.
          new Domain(`${example.name}-${domain.name}-${env}-destroy`, { spec, allowDestroy: true });
          optedIn.add(`${example.name}-${domain.name}-${env}-destroy`);
        }
      }
      new Platform(`${example.name}-platform-${env}`, { spec: resolvePlatformStack(mesh, env) });
    }
  }
  await settle();
  resources = recorder.resources.filter((r) => !r.type.startsWith("pulumi:providers:") && !r.type.startsWith("mesh:"));
}, 120_000);

/** The component a resource was declared under (its logical name starts with the component's name). */
const isOptedIn = (r: ManifestResource) => [...optedIn].some((c) => r.name.startsWith(`${c}-`));

describe("what holds data or audit evidence", () => {
  it("is the blueprint's list, and the gate and the governance rule use that list", () => {
    expect(new Set(DATA_RESOURCE_TYPES)).toEqual(new Set(Object.keys(LOSES_DATA_WHEN_DELETED)));
    expect(new Set(GATE_TYPES)).toEqual(new Set(Object.keys(LOSES_DATA_WHEN_DELETED)));
    expect(new Set(RULE_TYPES)).toEqual(new Set(Object.keys(LOSES_DATA_WHEN_DELETED)));
  });

  it("is declared by the example meshes, every type of it", () => {
    const declared = new Set(resources.map((r) => r.type));
    expect(declared.size).toBeGreaterThan(20);
    for (const type of Object.keys(LOSES_DATA_WHEN_DELETED)) expect(declared, type).toContain(type);
  });

  it("is protected and retained in every stack of the example meshes without the double opt-in, and nothing else is", () => {
    const normal = resources.filter((r) => !isOptedIn(r));
    const perType = new Map<string, number>();
    for (const r of normal) {
      const data = r.type in LOSES_DATA_WHEN_DELETED;
      expect([r.protect, Boolean(r.retainOnDelete)], r.urn).toEqual([data, data]);
      if (data) perType.set(r.type, (perType.get(r.type) ?? 0) + 1);
    }
    for (const type of Object.keys(LOSES_DATA_WHEN_DELETED)) expect(perType.get(type) ?? 0, type).toBeGreaterThan(0);
    // Product log groups in particular: one per product and environment.
    expect(perType.get("aws:cloudwatch/logGroup:LogGroup")).toBeGreaterThan(10);
  });

  it("is unprotected, log groups and workgroups too, only where both halves of the opt-in are given", () => {
    expect(optedIn.size).toBeGreaterThan(0);
    const destroyable = resources.filter((r) => isOptedIn(r) && r.type in LOSES_DATA_WHEN_DELETED);
    expect(new Set(destroyable.map((r) => r.type))).toEqual(new Set(Object.keys(LOSES_DATA_WHEN_DELETED).filter((t) => t !== "aws:cloudtrail/trail:Trail")));
    for (const r of destroyable) expect([r.protect, Boolean(r.retainOnDelete)], r.urn).toEqual([false, false]);
  });
});
