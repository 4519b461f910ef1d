// `npm run docs:policies`: regenerates docs/policies.md from the rule catalog.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { RULES } from "./catalog";
import { policiesMarkdown } from "./docs";

export const POLICIES_DOC = join(__dirname, "..", "..", "docs", "policies.md");

if (require.main === module) {
  writeFileSync(POLICIES_DOC, policiesMarkdown(RULES));
  console.log(`wrote ${POLICIES_DOC} (${RULES.length} rules)`);
}
