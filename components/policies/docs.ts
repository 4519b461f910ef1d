import type { Framework, Rule } from "./types";
import { WAIVER_EXPIRED } from "./waivers";

const FRAMEWORK_ORDER: Framework[] = ["AWS FSBP", "cdk-nag", "Checkov", "Kubernetes PSS", "CIS Kubernetes", "HIPAA", "Mesh"];

/** Table cells hold one line; a pipe would end the cell. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** Per framework: how many rules cite it and how many of its controls they cover. */
export function frameworkCounts(rules: readonly Rule[]): { framework: Framework; rules: number; controls: number }[] {
  return FRAMEWORK_ORDER.map((framework) => {
    const citing = rules.filter((r) => r.standards.some((s) => s.framework === framework));
    const controls = new Set(citing.flatMap((r) => r.standards.filter((s) => s.framework === framework).map((s) => s.control)));
    return { framework, rules: citing.length, controls: controls.size };
  }).filter((c) => c.rules > 0);
}

/** The rule list as a Markdown table: id, title, severity, standards, description, fix. */
export function rulesTable(rules: readonly Rule[]): string {
  const rows = rules.map((r) => [
    `\`${r.id}\``,
    r.title,
    r.severity,
    r.standards.map((s) => `${s.framework} ${s.control}`).join("<br>"),
    r.description,
    r.fix,
  ].map(cell).join(" | "));
  return ["| id | title | severity | standards | description | fix |", "|---|---|---|---|---|---|", ...rows.map((row) => `| ${row} |`)].join("\n");
}

/** docs/policies.md: a short introduction, counts per framework and severity, and the table. */
export function policiesMarkdown(rules: readonly Rule[]): string {
  const mandatory = rules.filter((r) => r.severity === "mandatory").length;
  const counts = frameworkCounts(rules).map((c) => `| ${c.framework} | ${c.rules} | ${c.controls} |`);
  return `${[
    "# Governance rules",
    "",
    "<!-- Generated from components/policies/catalog.ts by `npm run docs:policies`; do not edit by hand. -->",
    "",
    "Every rule below is a plain object in `components/policies/rules/` (file name = rule id). The same objects run",
    "offline in `mesh plan` and as the real Pulumi policy pack (`pulumi preview --policy-pack components/policies`).",
    "",
    `- **${rules.length} rules**: ${mandatory} mandatory (a finding blocks the plan and the deployment), ${rules.length - mandatory} advisory (reported, never blocking).`,
    "- An advisory finding can be waived for one resource in `domains/<d>/domain.yaml` under `waivers` (rule, resource,",
    "  reason, expiry date). Waiving an unknown or mandatory rule is a config error; an expired waiver is itself a",
    `  mandatory finding (\`${WAIVER_EXPIRED}\`).`,
    "- Rules whose description starts with *HIPAA profile* apply to domains that declare `compliance: [hipaa]`;",
    "  `hipaa-phi-in-hipaa-domain` makes sure every domain that publishes or reads PHI declares it.",
    "- CIS Kubernetes controls use the numbering of CIS Kubernetes Benchmark v1.8+; Kubernetes PSS names the Pod",
    "  Security Standards level and control.",
    "",
    "| framework | rules citing it | distinct controls |",
    "|---|---|---|",
    ...counts,
    "",
    rulesTable(rules),
  ].join("\n")}\n`;
}
