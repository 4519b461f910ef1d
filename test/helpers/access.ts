import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ManifestResource, StackManifest } from "../../cli/src/plan/manifest";

/**
 * A small IAM evaluator over planned manifests, to check who can really read what: S3 GetObject (identity policy,
 * permissions boundary, bucket policy), KMS Decrypt through S3 (key policy, identity policy, kms:ResourceAliases)
 * and Lake Formation SELECT columns. It follows AWS's documented rules for the cases the blueprint uses: explicit
 * deny wins; within one account an identity or a resource policy may allow (the boundary still caps the role);
 * across accounts both sides must allow; a KMS key policy that lets the account's root administer the key makes
 * that account's IAM policies effective. Conditions it does not know never satisfy an Allow.
 */
type Statement = { Sid?: string; Effect: "Allow" | "Deny"; Principal?: unknown; Action?: string | string[]; Resource?: string | string[]; Condition?: Record<string, Record<string, unknown>> };
type Context = Record<string, string | string[]>;

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const glob = (pattern: string, value: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`).test(value);

function conditionHolds(condition: Statement["Condition"], ctx: Context): boolean {
  for (const [operator, entries] of Object.entries(condition ?? {})) {
    for (const [key, expected] of Object.entries(entries)) {
      const want = list(expected as string | string[]).map(String);
      const have = ctx[key];
      const op = operator.replace(/^ForAnyValue:/, "");
      const ifExists = op.endsWith("IfExists");
      const base = op.replace(/IfExists$/, "");
      if (have === undefined) {
        if (ifExists) continue;
        return false;
      }
      const values = list(have);
      const equal = (a: string, b: string) => (base.endsWith("Like") ? glob(a, b) : a === b);
      const negate = base.includes("Not");
      const any = values.some((v) => want.some((w) => equal(w, v)));
      if (base === "Bool") {
        if (!values.some((v) => want.includes(v))) return false;
        continue;
      }
      if (negate ? any : !any) return false;
    }
  }
  return true;
}

function principalMatches(principal: unknown, ctx: Context): boolean {
  if (principal === undefined) return true; // identity policy
  if (principal === "*") return true;
  const aws = list((principal as { AWS?: string | string[] }).AWS);
  return aws.some((p) => p === "*" || p === ctx["aws:PrincipalArn"] || p === `arn:aws:iam::${ctx["aws:PrincipalAccount"]}:root`);
}

/** "deny", "allow" or undefined (no statement applies) for one request against one policy. */
export function decide(statements: Statement[], action: string, resource: string, ctx: Context): "deny" | "allow" | undefined {
  let result: "allow" | undefined;
  for (const s of statements) {
    if (!list(s.Action).some((a) => glob(a, action))) continue;
    if (!list(s.Resource).some((r) => glob(r, resource))) continue;
    if (!principalMatches(s.Principal, ctx)) continue;
    if (!conditionHolds(s.Condition, ctx)) continue;
    if (s.Effect === "Deny") return "deny";
    result = "allow";
  }
  return result;
}

const doc = (r: ManifestResource | undefined, field = "policy"): Statement[] => (r ? (JSON.parse(r.inputs[field] as string) as { Statement: Statement[] }).Statement : []);

export interface Principal {
  arn: string;
  account: string;
  /** Its inline policy and boundary statements (none for a principal the mesh does not manage). */
  policy: Statement[];
  boundary?: Statement[];
}

export interface Port {
  /** domain/product/port@major */
  id: string;
  bucket: string;
  prefix: string;
  account: string;
  region: string;
  table: string;
  database: string;
  bucketPolicy: Statement[];
  keyArn: string;
  keyAlias: string;
  keyPolicy: Statement[];
}

export interface MeshAccess {
  principals: Principal[];
  ports: Port[];
  grants: { principal: string; database: string; table: string; columns: string[] | "all" }[];
  /** Glue resource links (a database in one account pointing at a database of another) and who may DESCRIBE them. */
  links: { account: string; name: string; targetAccount: string; targetDatabase: string; describers: string[] }[];
}

/** Reads every domain manifest of one environment of a plan output folder. */
export function loadAccess(planDir: string, env: string, orgId: string): MeshAccess & { orgId: string } {
  const manifests = readdirSync(planDir).filter((f) => f.endsWith(`-${env}.json`) && !f.startsWith("platform-")).map((f) => JSON.parse(readFileSync(join(planDir, f), "utf8")) as StackManifest);
  const access: MeshAccess = { principals: [], ports: [], grants: [], links: [] };
  for (const m of manifests) {
    const of = (type: string) => m.resources.filter((r) => r.type === type);
    const provider = of("pulumi:providers:aws")[0];
    if (!provider) continue;
    const account = (JSON.parse(provider.inputs.allowedAccountIds as string) as string[])[0]!;
    const region = String(provider.inputs.region);
    const boundary = of("aws:iam/policy:Policy")[0];
    for (const role of of("aws:iam/role:Role")) {
      const policy = of("aws:iam/rolePolicy:RolePolicy").find((p) => p.inputs.role === role.inputs.name);
      access.principals.push({ arn: `arn:aws:iam::${account}:role/${String(role.inputs.name)}`, account, policy: doc(policy), boundary: doc(boundary) });
    }
    const key = of("aws:kms/key:Key")[0]!;
    const alias = String(of("aws:kms/alias:Alias")[0]!.inputs.name);
    for (const table of of("aws:glue/catalogTable:CatalogTable")) {
      const location = (table.inputs.storageDescriptor as { location: string }).location.replace(/^s3:\/\//, "");
      const bucket = location.slice(0, location.indexOf("/"));
      const params = table.inputs.parameters as Record<string, string>;
      const product = of("aws:s3/bucket:Bucket").find((b) => b.inputs.bucket === bucket)!.name.replace(/-bucket$/, "").slice(m.domain.length + 1);
      access.ports.push({
        id: `${m.domain}/${product}/${params["mesh.port"]}@${params["mesh.major"]}`,
        bucket,
        prefix: location.slice(bucket.length + 1),
        account,
        region,
        table: String(table.inputs.name),
        database: String(table.inputs.databaseName),
        bucketPolicy: doc(of("aws:s3/bucketPolicy:BucketPolicy").find((p) => p.inputs.bucket === bucket)),
        keyArn: key.arn!,
        keyAlias: alias,
        keyPolicy: doc(key),
      });
    }
    for (const link of of("aws:glue/catalogDatabase:CatalogDatabase").filter((d) => d.inputs.targetDatabase)) {
      const target = link.inputs.targetDatabase as { catalogId: string; databaseName: string };
      const describers = of("aws:lakeformation/permissions:Permissions")
        .filter((g) => (g.inputs.database as { name?: string } | undefined)?.name === link.inputs.name && list(g.inputs.permissions as string[]).includes("DESCRIBE"))
        .map((g) => String(g.inputs.principal));
      access.links.push({ account, name: String(link.inputs.name), targetAccount: target.catalogId, targetDatabase: target.databaseName, describers });
    }
    for (const g of of("aws:lakeformation/permissions:Permissions")) {
      const t = (g.inputs.tableWithColumns ?? g.inputs.table) as { databaseName: string; name: string; columnNames?: string[] } | undefined;
      if (!t || !list(g.inputs.permissions as string[]).includes("SELECT")) continue;
      access.grants.push({ principal: String(g.inputs.principal), database: t.databaseName, table: t.name, columns: t.columnNames ?? "all" });
    }
  }
  return { ...access, orgId };
}

function contextOf(p: Principal, orgId: string): Context {
  return { "aws:PrincipalArn": p.arn, "aws:PrincipalAccount": p.account, "aws:PrincipalOrgID": orgId, "aws:SecureTransport": "true" };
}

/** Whether the principal can get an object of the port's prefix from S3 (policies only, encryption aside). */
export function canGetObject(p: Principal, port: Port, orgId: string): boolean {
  const ctx = contextOf(p, orgId);
  const object = `arn:aws:s3:::${port.bucket}/${port.prefix}part-0000.parquet`;
  const identity = decide(p.policy, "s3:GetObject", object, ctx);
  const boundary = p.boundary ? decide(p.boundary, "s3:GetObject", object, ctx) : "allow";
  const resource = decide(port.bucketPolicy, "s3:GetObject", object, ctx);
  if (identity === "deny" || boundary === "deny" || resource === "deny") return false;
  if (boundary !== "allow") return false;
  return p.account === port.account ? identity === "allow" || resource === "allow" : identity === "allow" && resource === "allow";
}

/** Whether the principal can decrypt the port's objects: S3 calls KMS Decrypt on the producer key for it. */
export function canDecrypt(p: Principal, port: Port, orgId: string): boolean {
  const ctx: Context = { ...contextOf(p, orgId), "kms:ViaService": `s3.${port.region}.amazonaws.com`, "kms:CallerAccount": p.account, "kms:ResourceAliases": [port.keyAlias] };
  const key = decide(port.keyPolicy, "kms:Decrypt", "*", ctx);
  const identity = decide(p.policy, "kms:Decrypt", port.keyArn, ctx);
  const boundary = p.boundary ? decide(p.boundary, "kms:Decrypt", port.keyArn, ctx) : "allow";
  if (key === "deny" || identity === "deny" || boundary === "deny" || boundary !== "allow") return false;
  const keyNamesPrincipal = port.keyPolicy.some((s) => s.Effect === "Allow" && !list(s.Principal && (s.Principal as { AWS?: string }).AWS).includes(`arn:aws:iam::${port.account}:root`) && decide([s], "kms:Decrypt", "*", ctx) === "allow");
  const accountDelegates = p.account === port.account && decide(port.keyPolicy.filter((s) => list((s.Principal as { AWS?: string } | undefined)?.AWS).includes(`arn:aws:iam::${port.account}:root`)), "kms:Decrypt", "*", ctx) === "allow";
  if (p.account === port.account) return keyNamesPrincipal || (accountDelegates && identity === "allow");
  return keyNamesPrincipal && identity === "allow";
}

/** The columns the principal can read from the port: none unless S3 and KMS let it in; then its Lake Formation grant. */
export function readableFields(access: MeshAccess & { orgId: string }, p: Principal, port: Port): string[] | "all" {
  if (!canGetObject(p, port, access.orgId) || !canDecrypt(p, port, access.orgId)) return [];
  // Across accounts a principal queries through a resource link in its own account, which it must be allowed to
  // DESCRIBE (Lake Formation: "Granting resource link permissions"); the SELECT comes from the producer's grant.
  if (p.account !== port.account && !access.links.some((l) => l.account === p.account && l.targetAccount === port.account && l.targetDatabase === port.database && l.describers.includes(p.arn))) return [];
  const grant = access.grants.filter((g) => g.principal === p.arn && g.database === port.database && g.table === port.table);
  if (grant.some((g) => g.columns === "all")) return "all";
  return [...new Set(grant.flatMap((g) => g.columns as string[]))].sort();
}
