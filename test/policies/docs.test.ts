import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES } from "../../components/policies/catalog";
import { frameworkCounts, policiesMarkdown, rulesTable } from "../../components/policies/docs";
import { POLICIES_DOC } from "../../components/policies/render-docs";
import type { Rule } from "../../components/policies/types";

const rule = (id: string, standards: Rule["standards"], description = "A | pipe in a description."): Rule => ({
  id, title: `Title of ${id}`, severity: "advisory", standards, description, fix: "Fix it.", resourceTypes: ["t"], check: () => undefined,
});

describe("the rules table", () => {
  it("has a row per rule with id, title, severity, standards, description and fix, pipes escaped", () => {
    const table = rulesTable([rule("a-rule", [{ framework: "AWS FSBP", control: "S3.5" }, { framework: "Checkov", control: "CKV_AWS_1" }])]).split("\n");
    expect(table[0]).toBe("| id | title | severity | standards | description | fix |");
    expect(table[2]).toBe("| `a-rule` | Title of a-rule | advisory | AWS FSBP S3.5<br>Checkov CKV_AWS_1 | A \\| pipe in a description. | Fix it. |");
    expect(table).toHaveLength(3);
  });

  it("counts rules and distinct controls per framework", () => {
    const counts = frameworkCounts([
      rule("a-rule", [{ framework: "AWS FSBP", control: "S3.5" }, { framework: "AWS FSBP", control: "S3.8" }]),
      rule("b-rule", [{ framework: "AWS FSBP", control: "S3.5" }, { framework: "Mesh", control: "Tags" }]),
    ]);
    expect(counts).toEqual([{ framework: "AWS FSBP", rules: 2, controls: 2 }, { framework: "Mesh", rules: 1, controls: 1 }]);
  });
});

describe("docs/policies.md", () => {
  it("is up to date with the rule catalog", () => {
    const expected = policiesMarkdown(RULES);
    const actual = readFileSync(POLICIES_DOC, "utf8");
    expect(actual === expected, "docs/policies.md is out of date: run `npm run docs:policies` and commit the result").toBe(true);
  });
});
