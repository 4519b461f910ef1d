/**
 * Writes each example product's sample/ data set (a few rows per port that pass its contract):
 *   node --require tsx/cjs quality/scripts/write-samples.ts [mesh-root ...]
 * Rows are deterministic; re-running gives the same files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadMesh } from "@data-mesh/components/src/config/load-mesh";
import { contractRules } from "@data-mesh/cli/src/commands/test";
import { formatFor, SampleGenerator, serialise } from "./sample-data";

const ROWS = 12;
const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [".", "examples/investment-bank", "examples/healthcare"];
for (const root of roots) {
  const mesh = loadMesh(root);
  for (const domain of mesh.domains) {
    for (const product of domain.products) {
      const { ports, rules } = contractRules(product.contract, product.config.outputPorts);
      const dir = join(root, product.dir, "sample");
      mkdirSync(dir, { recursive: true });
      ports.forEach((port, k) => {
        const pk = [...product.contract.ports[port.name]!.columns, ...product.contract.ports[port.name]!.partitionKeys].filter((c) => c.primaryKey).map((c) => c.name);
        const format = formatFor(port);
        const generator = new SampleGenerator(1000 + k);
        const text = [...serialise(port, generator.rows(port, rules, ROWS, pk), format)].join("");
        writeFileSync(join(dir, `${port.name}.${format}`), text);
        process.stdout.write(`${join(dir, `${port.name}.${format}`)}\n`);
      });
    }
  }
}
