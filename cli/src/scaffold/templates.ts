import { stringify } from "yaml";

/** A YAML scalar or flow value written safely (quotes where YAML needs them), on one line. */
function v(value: unknown): string {
  return stringify(value, { lineWidth: 0, flowCollectionPadding: false, collectionStyle: "flow" }).trimEnd();
}

export interface DomainValues {
  name: string;
  description: string;
  team: string;
  email: string;
  slack?: string;
  costCenter: string;
  compliance: string[];
  blueprint: string;
  environments: { name: string; region: string; account: string; kubernetes: boolean; allowDestroy: boolean }[];
}

/** domain.yaml of a new domain: every field documented where it is set. */
export function domainYaml(d: DomainValues): string {
  const env = (e: DomainValues["environments"][number]) =>
    `  ${e.name}: { region: ${e.region}, account: ${v(e.account)}, kubernetes: ${e.kubernetes}${e.allowDestroy ? ", allowDestroy: true" : ""} }`;
  return [
    `# Domain ${d.name}: who owns it, who pays, which rules apply and where it runs. Reference: docs/domain-team.md.`,
    `name: ${d.name}`,
    `description: ${v(d.description)}`,
    `# The owning team: alerts go to the email, the catalog shows the Slack channel. CODEOWNERS is generated from the team.`,
    `owner: { team: ${d.team}, email: ${v(d.email)}${d.slack ? `, slack: ${v(d.slack)}` : ""} }`,
    `costCenter: ${v(d.costCenter)}`,
    `# Regimes whose governance rules apply to every product: hipaa, pci, gdpr, sox.`,
    `compliance: ${v(d.compliance)}`,
    `# The platform blueprint versions this domain accepts (semver range).`,
    `blueprint: ${v(d.blueprint)}`,
    `# One entry per environment of mesh.yaml. kubernetes: pipelines and quality checks run on the environment's`,
    `# EKS cluster. allowDestroy (non-production only) is the domain's half of the double opt-in to lose data.`,
    `environments:`,
    ...d.environments.map(env),
    "",
  ].join("\n");
}

/** stacks/Pulumi.<domain>-<env>.yaml: the stack that deploys one domain in one environment. */
export function stackYaml(domain: string, env: string): string {
  return [`# Deploys domain ${domain} in ${env}: mesh plan --stack ${domain}-${env}, mesh up --stack ${domain}-${env}.`, "config:", `  mesh:domain: ${domain}`, `  mesh:env: ${env}`, ""].join("\n");
}

export interface ProductValues {
  domain: string;
  name: string;
  description: string;
  tags: string[];
  port: string;
  image: string;
  schedule: string;
  cpu: string;
  memory: string;
  autoApprove: string[];
}

/** product.yaml of a new product: what the platform deploys for it. */
export function productYaml(p: ProductValues): string {
  return [
    `# Product ${p.domain}/${p.name}: what the platform deploys for it. Reference: docs/domain-team.md.`,
    `# The data itself (schema, owners, SLA, classification) is described in contract.odcs.yaml next to this file.`,
    `description: ${v(p.description)}`,
    `tags: ${v(p.tags)}`,
    `# Schema objects of contract.odcs.yaml published as ports; consumers read ${p.domain}/${p.name}/<port>@<major>.`,
    `outputPorts: [${p.port}]`,
    `# What this product reads. Add one with: mesh new input ${p.domain}/${p.name} <domain/product/port@major> --fields a,b --purpose "…"`,
    `inputs: []`,
    `access:`,
    `  # Consumers (a domain, or domain/product) granted as soon as they declare an input.`,
    `  autoApprove: ${v(p.autoApprove)}`,
    `  # Consumers granted after an explicit approval; \`mesh new input … --approve\` adds one.`,
    `  approvals: []`,
    `pipeline:`,
    `  # The job that publishes the product, pinned to a tag or digest; it runs on this schedule (cron, UTC).`,
    `  image: ${v(p.image)}`,
    `  schedule: ${v(p.schedule)}`,
    `  resources: { cpu: ${v(p.cpu)}, memory: ${v(p.memory)} }`,
    "",
  ].join("\n");
}

export interface ContractValues {
  id: string;
  domain: string;
  product: string;
  tenant: string;
  port: string;
  purpose: string;
  tags: string[];
  team: string;
  owner: string;
  ownerName?: string;
  slack?: string;
  classification: string;
  columns: { name: string; logicalType: string }[];
  latency: { value: number; unit: string };
  retention: { value: number; unit: string };
}

/**
 * contract.odcs.yaml of a new product (ODCS v3.1). Every field the catalog's product page shows is present, or
 * commented out with what to write, so the file is a complete template to fill in.
 */
export function contractYaml(c: ContractValues): string {
  const [first] = c.columns;
  return [
    `# The data contract of ${c.domain}/${c.product} (Open Data Contract Standard v3.1). Consumers rely on it; the catalog`,
    `# product page shows name, description, tags, status, version, classification, team, support, SLA and schema.`,
    `apiVersion: v3.1.0`,
    `kind: DataContract`,
    `id: ${c.id}`,
    `# The product's title in the catalog.`,
    `name: ${c.port}`,
    `# Semantic version: its major is the port version consumers name (${c.port}@1). A breaking change is a new major.`,
    `version: 1.0.0`,
    `# proposed | draft | active | deprecated | retired. Set active once consumers may rely on it.`,
    `status: draft`,
    `domain: ${c.domain}`,
    `dataProduct: ${c.product}`,
    `tenant: ${c.tenant}`,
    `description:`,
    `  purpose: ${v(c.purpose)}`,
    `  # usage: How to query it well: join keys, filters that keep scans small.`,
    `  # limitations: What it does not cover, known gaps and delays.`,
    `tags: ${v(c.tags)}`,
    `team:`,
    `  name: ${c.team}`,
    `  members:`,
    `    # At least one owner: the accountable person for this product.`,
    `    - username: ${v(c.owner)}`,
    ...(c.ownerName ? [`      name: ${v(c.ownerName)}`] : []),
    `      role: owner`,
    ...(c.slack
      ? [`# Where consumers ask questions.`, `support:`, `  - channel: ${v(c.slack)}`, `    tool: slack`, `    scope: interactive`]
      : [`# Where consumers ask questions, e.g.`, `# support:`, `#   - channel: "#my-team-data"`, `#     tool: slack`]),
    `schema:`,
    `  - name: ${c.port}`,
    `    physicalType: table`,
    `    description: ${v(`One row per ${first!.name}.`)}`,
    `    # One entry per column: logicalType (string, integer, number, boolean, date, timestamp, …), description,`,
    `    # classification (up to the contract's), tags [pii] for personal data, required, primaryKey, quality rules.`,
    `    properties:`,
    ...c.columns.flatMap((col, i) => [
      `      - name: ${col.name}`,
      `        logicalType: ${col.logicalType}`,
      `        description: ${v(`TODO: what ${col.name} means.`)}`,
      ...(i === 0 ? [`        primaryKey: true`, `        required: true`] : []),
    ]),
    `# Freshness (latency) and how long data is kept (retention) drive alarms, lifecycle and Object Lock.`,
    `slaProperties:`,
    `  - property: latency`,
    `    value: ${c.latency.value}`,
    `    unit: ${c.latency.unit}`,
    `  - property: retention`,
    `    value: ${c.retention.value}`,
    `    unit: ${c.retention.unit}`,
    `customProperties:`,
    `  # public | internal | confidential | restricted: the highest classification of any column.`,
    `  - property: classification`,
    `    value: ${c.classification}`,
    "",
  ].join("\n");
}
