import { resolve } from "node:path";
import { CliError, EXIT } from "../errors";
import { generateMesh } from "../generate/synthetic-mesh";

/** `mesh generate`: a synthetic mesh root for benchmarks and load tests. */
export function generate(opts: { domains: number; products: number; out: string; seed: number }): string {
  if (opts.products < opts.domains) throw new CliError(EXIT.config, `--products ${opts.products} is fewer than --domains ${opts.domains}: every domain needs at least one product`);
  const result = generateMesh({ ...opts, out: resolve(opts.out) });
  return `Wrote ${result.domains} domains, ${result.products} products and ${result.stacks} stacks to ${resolve(opts.out)}`;
}
