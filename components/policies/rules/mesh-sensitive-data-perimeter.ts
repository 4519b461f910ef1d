import { actionMatches, actionsOf, bucketPolicyOf, hasWildcardPrincipal, parsePolicy, resourceMatches, resourcesOf, type Statement, statements } from "../helpers/aws";
import { domainOf, producerRoleOf, productInputs } from "../helpers/mesh";
import { T } from "../helpers/types";
import { list } from "../helpers/values";
import type { PolicyResource, Rule, StackView } from "../types";
import { needsPerimeter } from "../../src/config/perimeter";

/** Operators that exempt the listed principals from a Deny (the deny applies to everyone else). */
const EXEMPTING = ["arnnotlike", "arnnotequals", "stringnotlike", "stringnotequals"];
/** The only other condition a perimeter may carry: AWS service principals acting as themselves are not denied. */
const SERVICE_EXEMPTION = "boolifexists";

interface Scope {
  /** Why the resource is inside the perimeter, for the message. */
  reason: string;
  /** Principals the mesh declares for it: producers, approved consumers, deployer and break-glass roles. */
  declared: Set<string>;
  /** Actions the perimeter must deny to everyone else: reading the data and rewriting the policy. */
  actions: string[];
  /** Whether a statement's Resource list covers the data (a key policy's "*" is the key itself). */
  covers: (resources: string[]) => boolean;
}

const compliance = (domain: PolicyResource | undefined) => list(domain?.inputs.compliance as string[] | undefined);
const products = (domain: PolicyResource, stack: StackView) => stack.ofType(T.dataProduct).filter((p) => domainOf(p, stack) === domain);

function roleArn(role: PolicyResource | undefined, account: string): string | undefined {
  return role ? `arn:aws:iam::${account}:role/${String(role.inputs.name)}` : undefined;
}

/** The mesh.yaml roles the Domain records (deployers, break-glass) and the account root user. */
function platformPrincipals(domain: PolicyResource): string[] {
  const roles = domain.inputs.perimeterRoles as { deployers?: string[]; breakGlass?: string[] } | undefined;
  return [...list(roles?.deployers), ...list(roles?.breakGlass)];
}

function isSensitive(product: PolicyResource, domain: PolicyResource | undefined): boolean {
  return needsPerimeter(compliance(domain), productInputs(product).classification);
}

/** What the perimeter of this bucket or key must look like, or undefined when it needs none. */
function scopeOf(resource: PolicyResource, stack: StackView): Scope | undefined {
  const domain = domainOf(resource, stack);
  if (!domain) return undefined;
  const account = String(domain.inputs.account ?? "");
  const all = products(domain, stack);
  const sensitive = all.filter((p) => isSensitive(p, domain));
  const why = (p: PolicyResource) => (compliance(domain).some((c) => c === "hipaa" || c === "pci") ? `domain compliance ${compliance(domain).join(", ")}` : `${productInputs(p).product} is classified ${productInputs(p).classification}`);
  const producers = all.map((p) => roleArn(producerRoleOf(p, stack), account)).filter((a): a is string => Boolean(a));
  if (resource.type === T.kmsKey) {
    if (sensitive.length === 0) return undefined;
    const consumers = all.flatMap((p) => list(productInputs(p).consumers).map((c) => c.roleArn).filter((a): a is string => Boolean(a)));
    return {
      reason: why(sensitive[0]!),
      declared: new Set([...producers, ...consumers, ...platformPrincipals(domain), `arn:aws:iam::${account}:root`]),
      actions: ["kms:Decrypt", "kms:PutKeyPolicy"],
      covers: (resources) => resources.includes("*"),
    };
  }
  const bucketArn = `arn:aws:s3:::${String(resource.inputs.bucket)}`;
  const probes = { actions: ["s3:GetObject", "s3:PutBucketPolicy"], covers: (rs: string[]) => [bucketArn, `${bucketArn}/data/part-0000.parquet`].every((arn) => rs.some((r) => resourceMatches(r, arn))) };
  const product = stack.ancestor(resource, T.dataProduct);
  if (product) {
    if (!isSensitive(product, domain)) return undefined;
    const consumers = list(productInputs(product).consumers).map((c) => c.roleArn).filter((a): a is string => Boolean(a));
    const producer = roleArn(producerRoleOf(product, stack), account);
    return { reason: why(product), declared: new Set([...(producer ? [producer] : []), ...consumers, ...platformPrincipals(domain)]), ...probes };
  }
  // The domain's query results: copies of what its products' queries read.
  if (resource.parent !== domain.urn || sensitive.length === 0) return undefined;
  return { reason: `query results; ${why(sensitive[0]!)}`, declared: new Set([...producers, ...platformPrincipals(domain)]), ...probes };
}

/** The principals a statement exempts from its Deny, or undefined when it is not a perimeter deny for everyone else. */
function exempted(s: Statement): string[] | undefined {
  if (s.Effect !== "Deny" || !hasWildcardPrincipal(s) || s.NotAction !== undefined || s.NotResource !== undefined) return undefined;
  let principals: string[] | undefined;
  for (const [operator, entries] of Object.entries(s.Condition ?? {})) {
    const op = operator.toLowerCase();
    for (const [key, value] of Object.entries(entries ?? {})) {
      if (EXEMPTING.includes(op) && key.toLowerCase() === "aws:principalarn" && principals === undefined) principals = list(value as string | string[]).map(String);
      else if (op === SERVICE_EXEMPTION && key.toLowerCase() === "aws:principalisawsservice" && list(value as string).map(String).includes("false")) continue;
      // Any other condition narrows the deny to some requests, and lets the rest through.
      else return undefined;
    }
  }
  return principals;
}

/**
 * Restricted products and everything in a HIPAA or PCI domain sit behind a data perimeter: their bucket policy, the
 * domain's key policy and the domain's query-results bucket deny every principal that the mesh does not declare.
 */
export const meshSensitiveDataPerimeter: Rule = {
  id: "mesh-sensitive-data-perimeter",
  title: "Restricted and HIPAA/PCI data admits only declared principals",
  severity: "mandatory",
  standards: [
    { framework: "Mesh", control: "Data perimeter" },
    { framework: "HIPAA", control: "§164.312(a)(1)" },
  ],
  description: "Without a perimeter any same-account role whose own policy has s3:* and kms:* reads restricted data and PHI: bucket policies only deny, and the key policy delegates to IAM.",
  fix: "Keep the blueprint's DataPerimeterDeclaredPrincipalsOnly statement: Deny to Principal * unless aws:PrincipalArn is the producer, an approved consumer, or a deployer or break-glass role of mesh.yaml (AWS services exempt).",
  resourceTypes: [T.bucket, T.kmsKey],
  check(resource, stack) {
    const scope = scopeOf(resource, stack);
    if (!scope) return undefined;
    const what = resource.type === T.kmsKey ? "key policy" : "bucket policy";
    const policy = resource.type === T.kmsKey ? parsePolicy(resource.inputs.policy) : bucketPolicyOf(resource, stack);
    const perimeters = statements(policy).filter((s) => exempted(s) !== undefined && scope.actions.every((a) => actionsOf(s).some((p) => actionMatches(p, a))) && scope.covers(resourcesOf(s)));
    if (perimeters.length === 0) {
      return `${what} has no data perimeter (${scope.reason}): nothing denies ${scope.actions.join(" and ")} to principals the mesh does not declare`;
    }
    const undeclared = [...new Set(perimeters.flatMap((s) => exempted(s)!).filter((p) => !scope.declared.has(p)))];
    return undeclared.length > 0 ? `${what}'s data perimeter (${scope.reason}) also lets in ${undeclared.join(", ")}, which the mesh does not declare` : undefined;
  },
};
