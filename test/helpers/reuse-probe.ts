// Runs in its own node process (with --expose-gc): plans stacks one after another as a plan worker does and
// reports whether an earlier stack's program outputs were reclaimed and whether manifests depend on order.
import { mkdtempSync, readFileSync } from "node:fs";
import Module from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { planStack } from "../../cli/src/plan/plan-stack";
import { preparePlan } from "../../cli/src/plan/prepare";

const root = process.argv[2]!;
const dir = mkdtempSync(join(tmpdir(), "reuse-"));
const prepared = preparePlan(root, dir);
const program = require.resolve(prepared.jobs[0]!.program);
const loaded: WeakRef<object>[] = [];
const moduleWithLoad = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
const originalLoad = moduleWithLoad._load;
moduleWithLoad._load = function (request, parent, isMain) {
  const result = originalLoad.call(this, request, parent, isMain);
  if (request === program) loaded.push(new WeakRef(result as object));
  return result;
};

async function run(stack: string, suffix: string): Promise<string> {
  const job = prepared.jobs.find((j) => j.stack === stack)!;
  const file = join(dir, `${stack}-${suffix}.json`);
  const result = await planStack({ ...job, manifestFile: file });
  if (!result.ok) throw new Error(result.message);
  return readFileSync(file, "utf8");
}

(async () => {
  const first = await run("sales-dev", "1");
  await run("clinic-dev", "2");
  const again = await run("sales-dev", "3");
  await new Promise((r) => setTimeout(r, 10));
  (global as unknown as { gc(): void }).gc();
  process.stdout.write(JSON.stringify({ sameManifest: first === again, programs: loaded.length, retained: loaded.filter((w) => w.deref() !== undefined).length }));
})();
