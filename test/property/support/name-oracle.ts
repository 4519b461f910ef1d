import type { NameKind } from "../../../components/src/naming/limits";
import type { Doc, GenDomain, GenMesh } from "./mesh-model";
import { modelIntended } from "./name-model";

/**
 * A reference of which generated meshes give two owners one physical name, written from the documented naming
 * scheme (DESIGN: naming; `docs/platform-guide.md`) and the services' uniqueness scopes, not from the naming module
 * or loadMesh's check: each name is the sanitised join of its parts (`modelIntended`), and two owners collide when
 * their intended names are equal in one scope. A cut name ends with a hash of the intended name, so equal intended
 * names are exactly the equal names.
 *
 * Covers the names a generated mesh can make meet across domains and environments: buckets (products, query
 * results, the platform's access-log and catalog buckets), IAM roles and the boundary policy, KMS aliases, Glue
 * databases, SNS topics, dashboards, Athena workgroups (the domain's and each product's), log groups and
 * Kubernetes namespaces.
 */
export interface Collision {
  kind: NameKind;
  scope: string;
  name: string;
  /** Who claims it, as `<env>:<domain>[/<product>]` or `<env>:platform`. */
  owners: string[];
  /** The files of the owners: a refusal must name one of them. */
  files: string[];
}

interface Claim {
  kind: NameKind;
  scope: string;
  name: string;
  owner: string;
  file: string;
}

function envDoc(gen: GenMesh, env: string): Doc {
  return (gen.mesh.environments as Record<string, Doc>)[env]!;
}

function domainEnvs(d: GenDomain): Record<string, Doc> {
  return (d.domain.environments ?? {}) as Record<string, Doc>;
}

/** Every name of the reference's kinds, claimed by its owner in its scope. */
function claims(gen: GenMesh): Claim[] {
  const prefix = String(gen.mesh.prefix);
  const out: Claim[] = [];
  const c = (kind: NameKind, scope: string, parts: string[], owner: string, file: string, fixed = "") => out.push({ kind, scope, name: modelIntended(kind, parts, fixed), owner, file });
  for (const env of Object.keys(gen.mesh.environments as Doc)) {
    const home = envDoc(gen, env);
    const platform = `${env}:platform`;
    const accessLogs = (account: string, region: string) => c("s3Bucket", "", [prefix, env, "access-logs", account, region], platform, "mesh.yaml");
    accessLogs(String(home.account), String(home.region));
    c("s3Bucket", "", [prefix, env, "platform", "catalog"], platform, "mesh.yaml");
    for (const d of gen.domains) {
      const e = domainEnvs(d)[env];
      if (!e) continue;
      accessLogs(String(e.account), String(e.region));
      const acct = `account ${String(e.account)}`;
      const here = `${acct} ${String(e.region)}`;
      const owner = `${env}:${d.folder}`;
      const file = `domains/${d.folder}/domain.yaml`;
      c("s3Bucket", "", [prefix, env, d.folder, "query-results"], owner, file);
      c("iamPolicy", acct, [prefix, env, d.folder, "boundary"], owner, file);
      c("kmsAlias", here, [[prefix, env, d.folder].join("/")], owner, file, "alias/");
      c("glue", here, [prefix, env, d.folder], owner, file);
      c("snsTopic", here, [prefix, env, d.folder, "alerts"], owner, file);
      c("cloudwatchDashboard", acct, [prefix, env, d.folder], owner, file);
      c("athenaWorkgroup", here, [prefix, env, d.folder], owner, file);
      if (e.kubernetes === true && home.eksOidcIssuer) c("k8sName", `cluster ${String(home.eksOidcIssuer)}`, [d.folder, env], owner, file);
      for (const p of d.products) {
        const pOwner = `${owner}/${p.folder}`;
        const pFile = `domains/${d.folder}/products/${p.folder}/product.yaml`;
        c("s3Bucket", "", [prefix, env, d.folder, p.folder], pOwner, pFile);
        c("iamRole", acct, [prefix, env, d.folder, p.folder], pOwner, pFile);
        // The product's own Athena workgroup, next to the domain's: `<prefix>-<env>-<domain>-<product>`.
        c("athenaWorkgroup", here, [prefix, env, d.folder, p.folder], pOwner, pFile);
        c("logGroup", here, [["datamesh", env, d.folder, p.folder].join("/")], pOwner, pFile, "/");
      }
    }
  }
  return out;
}

/** The names two different owners of `gen` would both take. */
export function referenceCollisions(gen: GenMesh): Collision[] {
  const byKey = new Map<string, Claim[]>();
  for (const claim of claims(gen)) {
    const key = `${claim.kind}|${claim.scope}|${claim.name}`;
    byKey.set(key, [...(byKey.get(key) ?? []), claim]);
  }
  const out: Collision[] = [];
  for (const group of byKey.values()) {
    const owners = [...new Set(group.map((g) => g.owner))];
    if (owners.length > 1) out.push({ kind: group[0]!.kind, scope: group[0]!.scope, name: group[0]!.name, owners, files: [...new Set(group.map((g) => g.file))] });
  }
  return out;
}
