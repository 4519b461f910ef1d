import { describe, expect, it } from "vitest";
import { blocking, evaluate } from "../../components/policies/runner";
import { allStacksOf, recordMesh, stackOf } from "./recorded";

// The blueprint's own output must never block a plan: every stack of every example mesh passes every mandatory rule.
describe.each([
  ["the e-commerce lighthouse", "."],
  ["the healthcare network", "examples/healthcare"],
  ["the investment bank", "examples/investment-bank"],
])("%s", (_name, root) => {
  it("passes every mandatory rule in every stack", async () => {
    const stacks = await allStacksOf(root);
    const resources = await recordMesh(root, stacks);
    const roots = resources.filter((r) => !r.parent);
    expect(roots.length).toBe(stacks.length);
    const blocked = roots.flatMap((r) => blocking(evaluate(stackOf(resources, r.name))).map((f) => `${r.name}: ${f.rule} ${f.resource}: ${f.message}`));
    expect(blocked).toEqual([]);
  });
});
