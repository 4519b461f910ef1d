import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHANGE_RULES } from "../../cli/src/contract-evolution/catalog";
import { changeRulesTable, contractChangesMarkdown } from "../../cli/src/contract-evolution/docs";
import { CONTRACT_CHANGES_DOC } from "../../cli/src/contract-evolution/render-docs";

describe("docs/contract-changes.md", () => {
  it("is up to date with the change rule catalog (run npm run docs:contract-changes)", () => {
    expect(readFileSync(CONTRACT_CHANGES_DOC, "utf8")).toBe(contractChangesMarkdown(CHANGE_RULES));
  });

  it("has one row per rule, pipes escaped, and names whom a breaking change can break", () => {
    const table = changeRulesTable([{ id: "x-removed", title: "X | removed", level: "breaking", scope: "field", datacontractCli: ["field_removed"], description: "d", action: "a", detect: () => [] }]).split("\n");
    expect(table).toHaveLength(3);
    expect(table[2]).toBe("| `x-removed` | X \\| removed | breaking | readers of the field | `field_removed` | d | a |");
  });
});
