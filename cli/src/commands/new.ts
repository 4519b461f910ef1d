import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { COLUMNS_HELP, columnsSchema } from "../scaffold/columns";
import { CLASSIFICATIONS, email, slug, snakeName } from "@data-mesh/components/src/config/common";
import { domainSchema, RESERVED_DOMAIN_NAMES } from "@data-mesh/components/src/config/domain";
import { meshSchema } from "@data-mesh/components/src/config/mesh";
import { PORT_REF, productSchema } from "@data-mesh/components/src/config/product";
import { readYaml, validate as validateWith } from "@data-mesh/components/src/config/validate";
import { durationSeconds } from "@data-mesh/components/src/contract/duration";
import { BLUEPRINT_VERSION } from "@data-mesh/components/src/version";
import { CliError, EXIT } from "../errors";
import { preparePlan } from "../plan/prepare";
import { type Answers, commaList, type Question, resolveAnswers } from "../scaffold/answers";
import { applyChanges, type FileChange, listed } from "../scaffold/changeset";
import { addApproval, addInput, declaredInputs } from "../scaffold/edit-product";
import { contractYaml, domainYaml, productYaml, stackYaml } from "../scaffold/templates";

export interface NewOptions {
  root: string;
  /** Flag values as typed (commander's camelCase keys are mapped back to flag names by the caller). */
  flags: Record<string, string | undefined>;
  /** Ask for missing values (a person at a terminal). */
  ask: boolean;
}

const durationSchema = z.object({ value: z.number(), unit: z.string() }).refine((d) => !("problem" in durationSeconds(d.value, d.unit)), "must be a number and a unit such as 15min, 1h, 1d or 7y");
const PRODUCT_FOLDER = /^[a-z][a-z0-9-]{0,38}[a-z0-9]$/;

/** Every check `mesh plan` runs before planning, on the mesh as it would be with the new files. */
function checkMesh(root: string): void {
  preparePlan(root, root);
}

function meshConfig(root: string) {
  if (!existsSync(join(root, "mesh.yaml")) || !existsSync(join(root, "domains"))) {
    throw new CliError(EXIT.config, `${root} is not a mesh root: it needs mesh.yaml, domains/ and stacks/ (pass --root <dir>)`);
  }
  return validateWith(meshSchema, readYaml(join(root, "mesh.yaml"), "mesh.yaml"), "mesh.yaml");
}

function checkName(kind: string, name: string, pattern: RegExp | z.ZodType, example: string): void {
  const ok = pattern instanceof RegExp ? pattern.test(name) : pattern.safeParse(name).success;
  if (!ok) throw new CliError(EXIT.config, `${kind} name ${JSON.stringify(name)} is not valid: use 2-40 lowercase letters, digits and hyphens, starting with a letter, such as ${example}; nothing was written`);
}

function duration(text: string): unknown {
  const m = text.trim().match(/^(\d+(?:\.\d+)?)\s*([a-z]+)$/i);
  return m ? { value: Number(m[1]), unit: m[2]!.toLowerCase() } : { value: NaN, unit: text };
}

const optional = (text: string) => (text === "" ? undefined : text);

/** `mesh new domain <name>`: domain.yaml and a stack file for each environment of mesh.yaml. */
export async function newDomain(name: string, opts: NewOptions): Promise<string> {
  const root = resolve(opts.root);
  checkName("domain", name, slug, "order-management");
  if ((RESERVED_DOMAIN_NAMES as readonly string[]).includes(name)) throw new CliError(EXIT.config, `domain name ${name} is reserved for the platform stack; nothing was written`);
  const mesh = meshConfig(root);
  const envNames = Object.keys(mesh.environments);
  const owner = domainSchema.shape.owner.shape;
  const questions: Question[] = [
    { flag: "description", message: "What the domain covers (at least 10 characters)", schema: domainSchema.shape.description },
    { flag: "team", message: "Owning team (lowercase slug, e.g. order-management)", schema: owner.team },
    { flag: "email", message: "Team email (alerts go there)", schema: owner.email },
    { flag: "slack", message: 'Slack channel, e.g. "#orders-data" (empty for none)', schema: owner.slack, parse: optional, default: "" },
    { flag: "cost-center", message: "Cost centre, e.g. CC-1042", schema: domainSchema.shape.costCenter },
    { flag: "compliance", message: "Compliance regimes, comma-separated (hipaa, pci, gdpr, sox; empty for none)", schema: domainSchema.shape.compliance, parse: commaList, default: "" },
    { flag: "environments", message: `Environments (comma-separated, of ${envNames.join(", ")})`, parse: commaList, default: envNames.join(","), schema: z.array(z.enum(envNames as [string, ...string[]], `must be environments of mesh.yaml: ${envNames.join(", ")}`)).min(1) },
    { flag: "accounts", message: "AWS account per environment, env=account (empty: mesh.yaml's)", parse: (t) => Object.fromEntries(commaList(t).map((kv) => kv.split("=").map((s) => s.trim()))), schema: z.record(z.string(), z.string().regex(/^\d{12}$/, "accounts are 12-digit AWS account ids, such as dev=111111111111")), default: "" },
    { flag: "region", message: `AWS region (empty: each environment's in mesh.yaml; allowed: ${mesh.allowedRegions.join(", ")})`, parse: optional, schema: z.enum(mesh.allowedRegions as [string, ...string[]], `must be one of mesh.yaml's allowedRegions: ${mesh.allowedRegions.join(", ")}`).optional(), default: "" },
  ];
  const a = await resolveAnswers(questions, opts.flags, opts.ask);
  const envs = a.environments as string[];
  const accounts = a.accounts as Record<string, string>;
  const unknownAccounts = Object.keys(accounts).filter((e) => !envs.includes(e));
  if (unknownAccounts.length > 0) throw new CliError(EXIT.config, `--accounts names ${unknownAccounts.join(", ")}, not among the domain's environments (${envs.join(", ")}); nothing was written`);
  const kubernetes = opts.flags.kubernetes === "true";
  const text = domainYaml({
    name,
    description: a.description as string,
    team: a.team as string,
    email: a.email as string,
    slack: a.slack as string | undefined,
    costCenter: a["cost-center"] as string,
    compliance: a.compliance as string[],
    blueprint: `^${BLUEPRINT_VERSION.split(".")[0]}.0.0`,
    environments: envs.map((e) => ({
      name: e,
      region: (a.region as string | undefined) ?? mesh.environments[e]!.region,
      account: accounts[e] ?? mesh.environments[e]!.account,
      kubernetes: kubernetes && Boolean(mesh.environments[e]!.eksOidcIssuer),
      allowDestroy: opts.flags["allow-destroy"] === "true" && !mesh.environments[e]!.production,
    })),
  });
  const changes: FileChange[] = [
    { path: `domains/${name}/domain.yaml`, content: text },
    ...envs.map((e) => ({ path: `stacks/Pulumi.${name}-${e}.yaml`, content: stackYaml(name, e) })),
  ];
  applyChanges(root, changes, checkMesh);
  return [`Created domain ${name}:`, listed(changes), `Next: mesh new product ${name} <product-name> --description "…" --image <registry/repo:tag>`].join("\n");
}

/** `mesh new product <domain> <name>`: product.yaml and contract.odcs.yaml from the documented templates. */
export async function newProduct(domain: string, name: string, opts: NewOptions): Promise<string> {
  const root = resolve(opts.root);
  checkName("domain", domain, slug, "orders");
  checkName("product", name, PRODUCT_FOLDER, "order-events");
  const mesh = meshConfig(root);
  const domainFile = `domains/${domain}/domain.yaml`;
  if (!existsSync(join(root, domainFile))) {
    const known = readdirSync(join(root, "domains")).filter((d) => existsSync(join(root, "domains", d, "domain.yaml")));
    throw new CliError(EXIT.config, `no domain ${domain} in ${root} (domains: ${known.join(", ") || "none"}); create it with mesh new domain ${domain}; nothing was written`);
  }
  const d = validateWith(domainSchema, readYaml(join(root, domainFile), domainFile), domainFile);
  const pipeline = productSchema.shape.pipeline.shape;
  const questions: Question[] = [
    { flag: "description", message: "What the product is (at least 10 characters)", schema: productSchema.shape.description },
    { flag: "image", message: "Pipeline image, pinned (registry/repo:tag)", schema: pipeline.image },
    { flag: "port", message: "Output port (snake_case schema object name)", schema: snakeName, default: name.replace(/-/g, "_") },
    { flag: "classification", message: "Classification (the highest of any column)", choices: CLASSIFICATIONS, default: "internal" },
    { flag: "columns", message: `Columns: ${COLUMNS_HELP}`, schema: columnsSchema(snakeName), default: "id:string" },
    { flag: "schedule", message: "Pipeline schedule (cron, UTC)", schema: pipeline.schedule, default: "0 * * * *" },
    { flag: "purpose", message: "Purpose shown on the catalog page (empty: the description)", parse: optional, default: "" },
    { flag: "owner", message: `Accountable owner's username/email (empty: ${d.owner.email})`, parse: optional, schema: email.optional(), default: "" },
    { flag: "latency", message: "Freshness SLA, e.g. 15min, 1h, 1d", parse: duration, schema: durationSchema, default: "1d" },
    { flag: "retention", message: "Retention, e.g. 90d, 7y", parse: duration, schema: durationSchema, default: "1y" },
    { flag: "tags", message: "Tags, comma-separated (empty for none)", parse: commaList, schema: productSchema.shape.tags, default: "" },
    { flag: "auto-approve", message: "Consumers granted without approval (domain or domain/product, comma-separated; empty for none)", parse: commaList, schema: productSchema.shape.access.unwrap().shape.autoApprove, default: "" },
    { flag: "cpu", message: "Pipeline CPU", default: "500m" },
    { flag: "memory", message: "Pipeline memory", default: "1Gi" },
  ];
  const a: Answers = await resolveAnswers(questions, opts.flags, opts.ask);
  const port = a.port as string;
  const dir = `domains/${domain}/products/${name}`;
  const description = a.description as string;
  const changes: FileChange[] = [
    {
      path: `${dir}/product.yaml`,
      content: productYaml({ domain, name, description, tags: a.tags as string[], port, image: a.image as string, schedule: a.schedule as string, cpu: a.cpu as string, memory: a.memory as string, autoApprove: a["auto-approve"] as string[] }),
    },
    {
      path: `${dir}/contract.odcs.yaml`,
      content: contractYaml({
        id: randomUUID(),
        domain,
        product: name,
        tenant: mesh.name,
        port,
        purpose: (a.purpose as string | undefined) ?? description,
        tags: a.tags as string[],
        team: d.owner.team,
        owner: (a.owner as string | undefined) ?? d.owner.email,
        slack: d.owner.slack,
        classification: a.classification as string,
        columns: a.columns as { name: string; logicalType: string }[],
        latency: a.latency as { value: number; unit: string },
        retention: a.retention as { value: number; unit: string },
      }),
    },
  ];
  applyChanges(root, changes, checkMesh);
  return [
    `Created product ${domain}/${name} (port ${port}@1):`,
    listed(changes),
    `Next: describe the columns in ${dir}/contract.odcs.yaml, then mesh plan --stack ${Object.keys(d.environments).map((e) => `${domain}-${e}`).join(" ")}`,
    `A consumer reads it with: mesh new input <domain/product> ${domain}/${name}/${port}@1 --fields ${(a.columns as { name: string }[]).map((c) => c.name).join(",")} --purpose "…"`,
  ].join("\n");
}

/**
 * `mesh new input <consumer> <domain/product/port@major>`: adds the input to the consumer's product.yaml and prints
 * the approval the producer must add, or adds it too with --approve.
 */
export async function newInput(consumer: string, ref: string, opts: NewOptions): Promise<string> {
  const root = resolve(opts.root);
  const [cd, cp, extra] = consumer.split("/");
  if (!cd || !cp || extra !== undefined || !slug.safeParse(cd).success || !PRODUCT_FOLDER.test(cp)) {
    throw new CliError(EXIT.config, `consumer ${JSON.stringify(consumer)} must be domain/product, such as analytics/churn; nothing was written`);
  }
  const m = ref.match(PORT_REF);
  if (!m) throw new CliError(EXIT.config, `${JSON.stringify(ref)} must be domain/product/port@major, such as customers/customer-profile/customers@1; nothing was written`);
  const [, pd, pp] = m;
  meshConfig(root);
  const consumerFile = `domains/${cd}/products/${cp}/product.yaml`;
  const producerFile = `domains/${pd}/products/${pp}/product.yaml`;
  for (const [what, file] of [["consumer", consumerFile], ["producer", producerFile]] as const) {
    if (!existsSync(join(root, file))) throw new CliError(EXIT.config, `no ${what} product ${file.split("/").slice(1, 4).filter((_, i) => i !== 1).join("/")} (${file} does not exist); nothing was written`);
  }
  const questions: Question[] = [
    { flag: "fields", message: "Fields read (comma-separated)", parse: commaList, schema: z.array(snakeName).min(1) },
    { flag: "purpose", message: "Why the data is read (at least 10 characters)", schema: z.string().min(10, "must say why the data is read, in at least 10 characters") },
    ...(opts.flags.approve === "true"
      ? [
          { flag: "approved-by", message: "Approver's email (producer side)", schema: email },
          { flag: "ticket", message: "Ticket of the approval (empty for none)", parse: optional, default: "" },
        ]
      : []),
  ];
  const a = await resolveAnswers(questions, opts.flags, opts.ask);
  const consumerText = readFileSync(join(root, consumerFile), "utf8");
  // The producer approving an input the consumer already declared adds only the approval.
  const declared = declaredInputs(consumerText, consumerFile).includes(ref.replace(/@\d+$/, ""));
  if (declared && opts.flags.approve !== "true") throw new CliError(EXIT.config, `${consumerFile} already reads ${ref.replace(/@\d+$/, "")}; edit that input's fields there; nothing was written`);
  const changes: FileChange[] = declared ? [] : [{ path: consumerFile, edit: true, content: addInput(consumerText, consumerFile, { from: ref, fields: a.fields as string[], purpose: a.purpose as string }) }];
  const producer = validateWith(productSchema, readYaml(join(root, producerFile), producerFile), producerFile);
  const covered = [...producer.access.autoApprove, ...producer.access.approvals.map((x) => x.consumer)].some((c) => c === cd || c === consumer);
  const approval = { consumer, approvedBy: (a["approved-by"] as string | undefined) ?? "<approver's email>", date: new Date().toISOString().slice(0, 10), ticket: a.ticket as string | undefined };
  if (!covered && opts.flags.approve === "true") {
    changes.push({ path: producerFile, edit: true, content: addApproval(readFileSync(join(root, producerFile), "utf8"), producerFile, approval) });
  }
  if (changes.length === 0) return `${consumer} already reads ${ref} and ${pd}/${pp} already grants it: nothing to change.`;
  applyChanges(root, changes, checkMesh);
  const lines = [declared ? `Approved ${consumer} reading ${ref}:` : `Added input ${ref} to ${consumer}:`, listed(changes)];
  if (covered) lines.push(`${pd}/${pp} already grants ${consumer} (access.autoApprove or an approval): the grant is planned now.`);
  else if (opts.flags.approve !== "true") {
    lines.push(
      `Pending: no grant until the producer approves. The owner of ${pd}/${pp} adds to ${producerFile} under access.approvals:`,
      `  - consumer: ${consumer}`,
      `    approvedBy: <approver's email>`,
      `    date: ${approval.date}`,
      `    ticket: <ticket, optional>`,
      `or runs: mesh new input ${consumer} ${ref} --fields ${(a.fields as string[]).join(",")} --purpose ${JSON.stringify(a.purpose)} --approve --approved-by <email>`,
    );
  }
  return lines.join("\n");
}
