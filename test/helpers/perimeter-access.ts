import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { ManifestResource, StackManifest } from "../../cli/src/plan/manifest";
import { evaluate } from "./iam-sim";

type Policy = Record<string, unknown>;

/** What a mesh root's files declare, read straight from the YAML (not through the loader under test). */
export interface MeshDeclarations {
  orgId: string;
  deployers: string[];
  breakGlass: string[];
  /** domain/product → inside the perimeter by the definition: contract classified restricted, or a HIPAA/PCI domain. */
  sensitive: Map<string, boolean>;
  /** Approved reads: consumer domain/product → producer domain/product. */
  approvedReads: { consumer: string; producer: string; port: string; major: number }[];
}

export function readDeclarations(root: string): MeshDeclarations {
  const mesh = parse(readFileSync(join(root, "mesh.yaml"), "utf8")) as { organizationId: string; deployerRoles?: string[]; breakGlassRoles?: string[] };
  const sensitive = new Map<string, boolean>();
  const products = new Map<string, { inputs?: { from: string }[]; access?: { autoApprove?: string[]; approvals?: { consumer: string }[] } }>();
  for (const d of readdirSync(join(root, "domains"))) {
    const domain = parse(readFileSync(join(root, "domains", d, "domain.yaml"), "utf8")) as { compliance?: string[] };
    const regulated = (domain.compliance ?? []).some((c) => c === "hipaa" || c === "pci");
    let names: string[] = [];
    try { names = readdirSync(join(root, "domains", d, "products")); } catch { continue; }
    for (const p of names) {
      const contract = parse(readFileSync(join(root, "domains", d, "products", p, "contract.odcs.yaml"), "utf8")) as { customProperties?: { property: string; value: string }[] };
      const classification = contract.customProperties?.find((c) => c.property === "classification")?.value;
      sensitive.set(`${d}/${p}`, regulated || classification === "restricted");
      products.set(`${d}/${p}`, parse(readFileSync(join(root, "domains", d, "products", p, "product.yaml"), "utf8")));
    }
  }
  const approvedReads: MeshDeclarations["approvedReads"] = [];
  for (const [consumer, cfg] of products) {
    for (const input of cfg.inputs ?? []) {
      const [dom, prod, portMajor] = input.from.split("/");
      const producer = products.get(`${dom}/${prod}`)!;
      const allowed = [...(producer.access?.autoApprove ?? []), ...(producer.access?.approvals ?? []).map((a) => a.consumer)];
      const [port, major] = portMajor!.split("@");
      if (allowed.includes(consumer) || allowed.includes(consumer.split("/")[0]!)) approvedReads.push({ consumer, producer: `${dom}/${prod}`, port: port!, major: Number(major) });
    }
  }
  return { orgId: mesh.organizationId, deployers: mesh.deployerRoles ?? [], breakGlass: mesh.breakGlassRoles ?? [], sensitive, approvedReads };
}

const policyOf = (r: ManifestResource | undefined): Policy | undefined => (r ? (JSON.parse(r.inputs.policy as string) as Policy) : undefined);

/** One product of a planned domain stack: the resources the matrix evaluates requests against. */
interface PlannedProduct {
  id: string;
  account: string;
  region: string;
  bucket: string;
  objectArn: string;
  bucketPolicy: Policy;
  keyArn: string;
  keyAlias: string;
  keyPolicy: Policy;
  role: { arn: string; identity: Policy; boundary?: Policy };
}

function plannedProducts(manifests: StackManifest[]): PlannedProduct[] {
  const out: PlannedProduct[] = [];
  for (const m of manifests) {
    const rs = m.resources;
    const provider = rs.find((r) => r.type === "pulumi:providers:aws" && !r.inputs.assumeRoles);
    const domain = rs.find((r) => r.type === "mesh:blueprint:Domain");
    if (!provider || !domain) continue;
    const account = (JSON.parse(provider.inputs.allowedAccountIds as string) as string[])[0]!;
    const region = String(provider.inputs.region);
    const key = rs.find((r) => r.type === "aws:kms/key:Key")!;
    const alias = String(rs.find((r) => r.type === "aws:kms/alias:Alias")!.inputs.name);
    const boundary = policyOf(rs.find((r) => r.type === "aws:iam/policy:Policy" && r.name === `${domain.name}-boundary`));
    for (const p of rs.filter((r) => r.type === "mesh:blueprint:DataProduct")) {
      const product = String(p.inputs.product);
      const bucketResource = rs.find((r) => r.type === "aws:s3/bucket:Bucket" && r.name === `${domain.name}-${product}-bucket`)!;
      const bucket = String(bucketResource.inputs.bucket);
      const role = rs.find((r) => r.type === "aws:iam/role:Role" && r.name === `${domain.name}-${product}-producer`)!;
      const port = (p.inputs.ports as { name: string; major: number }[])[0]!;
      out.push({
        id: `${String(p.inputs.domain)}/${product}`,
        account,
        region,
        bucket,
        objectArn: `arn:aws:s3:::${bucket}/${port.name}/v${port.major}/part-0000.parquet`,
        bucketPolicy: policyOf(rs.find((r) => r.type === "aws:s3/bucketPolicy:BucketPolicy" && r.inputs.bucket === bucket))!,
        keyArn: key.arn!,
        keyAlias: alias,
        keyPolicy: policyOf(key)!,
        role: {
          arn: `arn:aws:iam::${account}:role/${String(role.inputs.name)}`,
          identity: policyOf(rs.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.name === `${domain.name}-${product}-producer-policy`))!,
          boundary,
        },
      });
    }
  }
  return out;
}

/** A role the mesh does not manage, whose own identity policy allows every S3 and KMS action on everything. */
export const BROAD_POLICY: Policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:*", "kms:*"], Resource: "*" }] };

export interface MatrixRow {
  who: string;
  product: string;
  action: string;
  expected: "Allowed" | "denied";
  result: string;
}

/**
 * The issue-9 data-perimeter matrix over one environment of a planned mesh: for every product, a broad same-account
 * role, the deployer, the break-glass role, the producer and each approved consumer, S3 and KMS requests evaluated
 * by the IAM simulator against the planned bucket, key, identity and boundary policies. The expectation comes from
 * the mesh's files (classification, compliance, mesh.yaml roles, approvals), never from the plan.
 */
export async function perimeterMatrix(planDir: string, env: string, decl: MeshDeclarations): Promise<MatrixRow[]> {
  const manifests = readdirSync(planDir).filter((f) => f.endsWith(`-${env}.json`) && !f.startsWith("platform-")).map((f) => JSON.parse(readFileSync(join(planDir, f), "utf8")) as StackManifest);
  const products = plannedProducts(manifests);
  const rows: MatrixRow[] = [];
  const run = async (who: string, principal: string, identity: Policy[], boundary: Policy | undefined, p: PlannedProduct, action: string, resource: string, expected: MatrixRow["expected"], extra: Record<string, string | string[]> = {}) => {
    const isKms = action.startsWith("kms:");
    const principalAccount = principal.split(":")[4]!;
    const context: Record<string, string | string[]> = {
      "aws:PrincipalArn": principal,
      "aws:PrincipalAccount": principalAccount,
      "aws:PrincipalOrgID": decl.orgId,
      "aws:PrincipalIsAWSService": "false",
      ...(isKms ? { "kms:CallerAccount": principalAccount, "kms:ResourceAliases": [p.keyAlias] } : {}),
      ...extra,
    };
    const result = await evaluate({ principal, action, resource, context, resourceAccount: p.account }, { identity, boundary, resourcePolicy: isKms ? p.keyPolicy : p.bucketPolicy });
    rows.push({ who, product: p.id, action, expected, result });
  };
  // Data S3 decrypts for the caller: the bucket's ARN is the encryption context (bucket keys on). The simulator
  // (0.1.x) ignores kms:EncryptionContext:* keys; the blueprint's key policies do not depend on them.
  const viaS3 = (p: PlannedProduct) => ({ "kms:ViaService": `s3.${p.region}.amazonaws.com`, "kms:EncryptionContext:aws:s3:arn": `arn:aws:s3:::${p.bucket}` });
  const inAccount = (list: string[], account: string) => list.filter((arn) => arn.split(":")[4] === account);

  for (const p of products) {
    const sensitive = decl.sensitive.get(p.id);
    if (sensitive === undefined) throw new Error(`${p.id} is planned but not declared`);
    // The key is the domain's: it is inside the perimeter as soon as one product of the domain is.
    const domain = p.id.split("/")[0]!;
    const keyInside = [...decl.sensitive].some(([id, s]) => s && id.split("/")[0] === domain);
    const broad = `arn:aws:iam::${p.account}:role/analytics-admin`;
    // A broad role: refused inside the perimeter, unchanged (it reads) outside it.
    await run("broad role", broad, [BROAD_POLICY], undefined, p, "s3:GetObject", p.objectArn, sensitive ? "denied" : "Allowed");
    await run("broad role", broad, [BROAD_POLICY], undefined, p, "kms:Decrypt", p.keyArn, keyInside ? "denied" : "Allowed", viaS3(p));
    if (sensitive) await run("broad role", broad, [BROAD_POLICY], undefined, p, "s3:PutBucketPolicy", `arn:aws:s3:::${p.bucket}`, "denied");
    if (keyInside) await run("broad role", broad, [BROAD_POLICY], undefined, p, "kms:PutKeyPolicy", p.keyArn, "denied");
    // The producer reads and writes its own data.
    await run("producer", p.role.arn, [p.role.identity], p.role.boundary, p, "s3:GetObject", p.objectArn, "Allowed");
    await run("producer", p.role.arn, [p.role.identity], p.role.boundary, p, "s3:PutObject", p.objectArn, "Allowed");
    await run("producer", p.role.arn, [p.role.identity], p.role.boundary, p, "kms:Decrypt", p.keyArn, "Allowed", viaS3(p));
    await run("producer", p.role.arn, [p.role.identity], p.role.boundary, p, "kms:GenerateDataKey", p.keyArn, "Allowed", viaS3(p));
    // CloudWatch alarms still publish to the domain's encrypted alert topic: a service principal acting as itself.
    if (keyInside) {
      const result = await evaluate(
        { principal: "cloudwatch.amazonaws.com", action: "kms:GenerateDataKey", resource: p.keyArn, resourceAccount: p.account, context: { "aws:SourceAccount": p.account, "aws:PrincipalIsAWSService": "true", "aws:PrincipalServiceName": "cloudwatch.amazonaws.com" } },
        { identity: [], resourcePolicy: p.keyPolicy },
      );
      rows.push({ who: "service cloudwatch.amazonaws.com", product: p.id, action: "kms:GenerateDataKey", expected: "Allowed", result });
    }
    if (!sensitive) continue;
    // The deployer keeps managing the bucket and the key (and so can deploy the next change of their policies).
    const deployers = inAccount(decl.deployers, p.account);
    const breakGlass = inAccount(decl.breakGlass, p.account);
    if (deployers.length === 0 || breakGlass.length === 0) throw new Error(`mesh.yaml declares no deployer or break-glass role in account ${p.account}`);
    for (const deployer of deployers) {
      for (const action of ["s3:PutBucketPolicy", "s3:GetBucketPolicy", "s3:PutEncryptionConfiguration", "s3:PutLifecycleConfiguration"]) {
        await run("deployer", deployer, [BROAD_POLICY], undefined, p, action, `arn:aws:s3:::${p.bucket}`, "Allowed");
      }
      for (const action of ["kms:PutKeyPolicy", "kms:GetKeyPolicy", "kms:DescribeKey", "kms:EnableKeyRotation", "kms:TagResource"]) {
        await run("deployer", deployer, [BROAD_POLICY], undefined, p, action, p.keyArn, "Allowed");
      }
    }
    // Break-glass reads, and can repair the policies.
    for (const role of breakGlass) {
      await run("break-glass", role, [BROAD_POLICY], undefined, p, "s3:GetObject", p.objectArn, "Allowed");
      await run("break-glass", role, [BROAD_POLICY], undefined, p, "kms:Decrypt", p.keyArn, "Allowed", viaS3(p));
      await run("break-glass", role, [BROAD_POLICY], undefined, p, "kms:PutKeyPolicy", p.keyArn, "Allowed");
    }
    // Every approved consumer still reads its port (its own role's policies, in its own account).
    for (const read of decl.approvedReads.filter((r) => r.producer === p.id)) {
      const consumer = products.find((c) => c.id === read.consumer);
      if (!consumer) continue; // the consumer does not run in this environment
      const object = `arn:aws:s3:::${p.bucket}/${read.port}/v${read.major}/part-0000.parquet`;
      await run(`consumer ${read.consumer}`, consumer.role.arn, [consumer.role.identity], consumer.role.boundary, p, "s3:GetObject", object, "Allowed");
      await run(`consumer ${read.consumer}`, consumer.role.arn, [consumer.role.identity], consumer.role.boundary, p, "kms:Decrypt", p.keyArn, "Allowed", viaS3(p));
    }
  }
  return rows;
}

/** The rows whose outcome differs from the declared expectation, one line each. */
export function wrongRows(rows: MatrixRow[]): string[] {
  return rows.filter((r) => (r.expected === "Allowed") !== (r.result === "Allowed")).map((r) => `${r.who} ${r.action} on ${r.product}: ${r.result}, expected ${r.expected}`);
}
