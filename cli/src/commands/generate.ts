import { resolve } from "node:path";
import { CliError, EXIT } from "../errors";
import { generateMesh } from "../generate/synthetic-mesh";
import { assertOutFolder, assertReplaceable, markOutput } from "../plan/write";

/** `mesh generate`: a synthetic mesh root for benchmarks and load tests. */
export function generate(opts: { domains: number; products: number; out: string; seed: number }): string {
  if (opts.products < opts.domains) throw new CliError(EXIT.config, `--products ${opts.products} is fewer than --domains ${opts.domains}: every domain needs at least one product`);
  const out = resolve(opts.out);
  // The whole folder is replaced: only one `mesh generate` wrote (it has the marker), or an empty/missing one.
  assertOutFolder(out);
  assertReplaceable(out);
  const result = generateMesh({ ...opts, out });
  markOutput(out, "mesh generate");
  return `Wrote ${result.domains} domains, ${result.products} products and ${result.stacks} stacks to ${out}`;
}
