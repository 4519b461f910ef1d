// `npm run docs:contract-changes`: regenerates docs/contract-changes.md from the change rule catalog.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CHANGE_RULES } from "./catalog";
import { contractChangesMarkdown } from "./docs";

export const CONTRACT_CHANGES_DOC = join(__dirname, "..", "..", "..", "docs", "contract-changes.md");

if (require.main === module) {
  writeFileSync(CONTRACT_CHANGES_DOC, contractChangesMarkdown(CHANGE_RULES));
  console.log(`wrote ${CONTRACT_CHANGES_DOC} (${CHANGE_RULES.length} rules)`);
}
