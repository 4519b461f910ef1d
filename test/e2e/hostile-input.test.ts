import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { parseDocument } from "yaml";
import { mesh } from "../helpers/cli";
import { copyMesh, REPO, setYaml } from "../helpers/fixture";

/**
 * Input the CLI must not trust (issue 9, item 3): each is refused with exit 2 and exactly one line that names the
 * file and what to do, with no stack trace and nothing written. `mesh validate` runs the same checks as `mesh plan`
 * before any planning work, so most cases use it; one case per kind also runs `mesh plan` to show nothing is written.
 */
function refused(args: string[]): string {
  const run = mesh(args);
  expect(run.stdout).toBe("");
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  const lines = run.stderr.trimEnd().split("\n");
  expect(lines, run.stderr).toHaveLength(1);
  expect(run.status).toBe(2);
  return lines[0]!;
}

const PRODUCT = "domains/sales/products/orders";

describe("paths that leave the mesh root", () => {
  it("a contract that is a symbolic link to /etc/passwd is refused, not read as a contract", () => {
    const root = copyMesh();
    rmSync(join(root, PRODUCT, "contract.odcs.yaml"));
    symlinkSync("/etc/passwd", join(root, PRODUCT, "contract.odcs.yaml"));
    expect(refused(["validate", "--root", root])).toBe(
      `error: ${PRODUCT}/contract.odcs.yaml: is a symbolic link to /etc/passwd, outside the mesh root; the mesh reads only files inside its root: replace the link with the file or folder itself`,
    );
    const out = join(root, "out");
    refused(["plan", "--root", root, "--out", out]);
    expect(existsSync(out)).toBe(false);
  });

  it("a product folder that is a link to a folder outside the root is refused", () => {
    const root = copyMesh();
    const elsewhere = mkdtempSync(join(tmpdir(), "outside-"));
    renameSync(join(root, PRODUCT), join(elsewhere, "orders"));
    symlinkSync(join(elsewhere, "orders"), join(root, PRODUCT));
    expect(refused(["validate", "--root", root])).toMatch(new RegExp(`^error: ${PRODUCT}: is a symbolic link to .*/orders, outside the mesh root`));
  });

  it("a file linked from a product folder (sample data) and a linked mesh.yaml or stack file are refused too", () => {
    for (const [file, target] of [[`${PRODUCT}/sample/orders.csv`, "/etc/hostname"], ["mesh.yaml", "/etc/hostname"], ["stacks/Pulumi.sales-dev.yaml", "/etc/hostname"]] as const) {
      const root = copyMesh();
      mkdirSync(join(root, PRODUCT, "sample"), { recursive: true });
      rmSync(join(root, file), { force: true });
      symlinkSync(target, join(root, file));
      expect(refused(["validate", "--root", root])).toBe(`error: ${file}: is a symbolic link to ${target}, outside the mesh root; the mesh reads only files inside its root: replace the link with the file or folder itself`);
    }
  });

  it("a link that stays inside the root is allowed", () => {
    const root = copyMesh();
    renameSync(join(root, PRODUCT, "product.yaml"), join(root, "orders-product.yaml"));
    symlinkSync(join(root, "orders-product.yaml"), join(root, PRODUCT, "product.yaml"));
    const run = mesh(["validate", "--root", root]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});

describe("folders the loader used to skip without a word", () => {
  it("a product folder named ..orders is an error, not a dropped product", () => {
    const root = copyMesh();
    renameSync(join(root, PRODUCT), join(root, "domains/sales/products/..orders"));
    expect(refused(["validate", "--root", root])).toBe(
      "error: domains/sales/products/..orders: is not a product: every folder under products/ is one, and product folder names are 2-40 lowercase letters, digits and hyphens, such as order-events; rename it or move it out of domains/sales/products/",
    );
  });

  it("a dot-folder under domains/ is an error", () => {
    const root = copyMesh();
    mkdirSync(join(root, "domains/.archive"));
    expect(refused(["validate", "--root", root])).toMatch(/^error: domains\/\.archive: is not a domain: every folder under domains\/ is one/);
  });

  it("a stack file whose name is not Pulumi.<domain>-<env>.yaml is an error", () => {
    const root = copyMesh();
    renameSync(join(root, "stacks/Pulumi.sales-prod.yaml"), join(root, "stacks/Pulumi.Sales-prod.yaml"));
    expect(refused(["validate", "--root", root])).toMatch(/^error: stacks\/Pulumi\.Sales-prod\.yaml: is not a stack file name: use Pulumi\.<domain>-<env>\.yaml/);
  });
});

describe("unknown mesh: keys in stack files", () => {
  const stack = (extra: string) => `config:\n  mesh:domain: sales\n  mesh:env: dev\n${extra}`;

  it("mesh:allowDestory (a typo of half of the data-loss opt-in) is refused with the nearest key", () => {
    const root = copyMesh();
    writeFileSync(join(root, "stacks/Pulumi.sales-dev.yaml"), stack("  mesh:allowDestory: true\n"));
    expect(refused(["validate", "--root", root])).toBe(
      "error: stacks/Pulumi.sales-dev.yaml: config.mesh:allowDestory: unknown key; did you mean mesh:allowDestroy? (the mesh: keys are mesh:domain, mesh:env, mesh:root, mesh:allowDestroy)",
    );
  });

  it("mesh:frobnicate is refused without a far-fetched suggestion; other namespaces are left to their providers", () => {
    const root = copyMesh();
    writeFileSync(join(root, "stacks/Pulumi.sales-dev.yaml"), stack("  mesh:frobnicate: 1\n  aws:region: eu-west-1\n"));
    expect(refused(["validate", "--root", root])).toBe("error: stacks/Pulumi.sales-dev.yaml: config.mesh:frobnicate: unknown key (the mesh: keys are mesh:domain, mesh:env, mesh:root, mesh:allowDestroy)");
  });

  it("mesh:allowDestroy must be a boolean", () => {
    const root = copyMesh();
    writeFileSync(join(root, "stacks/Pulumi.sales-dev.yaml"), stack("  mesh:allowDestroy: yes please\n"));
    expect(refused(["validate", "--root", root])).toBe('error: stacks/Pulumi.sales-dev.yaml: config.mesh:allowDestroy: must be true or false, not "yes please"');
  });
});

describe("sizes no real product has", () => {
  it("a 20 MB contract is refused from its size, before it is parsed", () => {
    const root = copyMesh();
    const file = join(root, PRODUCT, "contract.odcs.yaml");
    // Valid YAML all the way: only the size can refuse it.
    writeFileSync(file, `${readFileSync(file, "utf8")}\n${"# padding padding padding padding padding padding padding\n".repeat(360_000)}`);
    const mib = (statSync(file).size / 1024 / 1024).toFixed(1);
    expect(Number(mib)).toBeGreaterThan(19);
    expect(refused(["validate", "--root", root])).toBe(
      `error: ${PRODUCT}/contract.odcs.yaml: is ${mib} MiB, above the 1 MiB limit for a config file (no real product needs more; see Limits in docs/domain-team.md): split the product or trim the file`,
    );
  });

  it("a contract of 2,000 columns (under the size ceiling) is refused with the column limit and its source (Athena query string quota)", () => {
    const root = copyMesh();
    const file = join(root, PRODUCT, "contract.odcs.yaml");
    const doc = parseDocument(readFileSync(file, "utf8"));
    const columns = Array.from({ length: 2000 }, (_, i) => ({ name: `c${i}`, logicalType: "string" }));
    doc.setIn(["schema", 0, "properties"], doc.createNode([...(doc.getIn(["schema", 0, "properties"]) as { toJSON(): unknown[] }).toJSON(), ...columns]));
    writeFileSync(file, doc.toString());
    expect(statSync(file).size).toBeLessThan(1024 * 1024);
    expect(refused(["validate", "--root", root])).toMatch(
      /^error: domains\/sales\/products\/orders\/contract\.odcs\.yaml: schema "orders": has 2,0\d\d properties; a port is one Glue table of at most 1,985 columns \(the table's DDL and a SELECT of every column must fit Athena's 262,144-byte query string quota; see Limits in docs\/domain-team\.md\): split it into several ports$/,
    );
  });
});

describe("field names that are Athena reserved keywords", () => {
  it("are served, with a warning that states the quoting every hand-written query needs", () => {
    const root = copyMesh();
    const file = join(root, PRODUCT, "contract.odcs.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("- name: placed_at", "- name: select"));
    const run = mesh(["validate", "--root", root]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    // The keyword lists are Athena's (https://docs.aws.amazon.com/athena/latest/ug/reserved-words.html): SELECT is
    // in both the DDL and the SELECT list, so both escapes apply.
    expect(run.stdout.split("\n").filter((l) => l.startsWith("warning:"))).toEqual([
      `warning: ${PRODUCT}/contract.odcs.yaml: schema "orders" › property "select": field "select" is a reserved keyword of Athena DDL and SELECT statements: every hand-written Athena query must escape it as "select" in SELECT statements and views and as \`select\` in DDL such as ALTER TABLE … ADD PARTITION (unescaped, Athena fails; the platform's generated queries already quote it)`,
    ]);
  });

  it("a DDL-only keyword (date) asks for backticks only; an ordinary name gets no warning", () => {
    const root = copyMesh();
    const file = join(root, PRODUCT, "contract.odcs.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("- name: placed_at", "- name: date"));
    const warnings = mesh(["validate", "--root", root]).stdout.split("\n").filter((l) => l.startsWith("warning:"));
    expect(warnings).toEqual([expect.stringMatching(/property "date": field "date" is a reserved keyword of Athena DDL statements: every hand-written Athena query must escape it as `date` in DDL/)]);
    expect(mesh(["validate", "--root", copyMesh()]).stdout).not.toMatch(/warning:/);
  });
});

describe("error wording a new user can follow", () => {
  it("contract errors name the schema object and the property, not their positions", () => {
    const root = copyMesh();
    const file = join(root, PRODUCT, "contract.odcs.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/(- name: amount\n\s+)logicalType: (\w+)/, "$1logicalType: money"));
    expect(refused(["validate", "--root", root])).toMatch(/^error: domains\/sales\/products\/orders\/contract\.odcs\.yaml: schema "orders" › property "amount" › logicalType: must be one of "string"/);
  });

  it("a misspelt key is one error with the nearest key, in product.yaml and in a contract", () => {
    const root = copyMesh();
    const product = join(root, PRODUCT, "product.yaml");
    writeFileSync(product, readFileSync(product, "utf8").replace(/^outputPorts:/m, "outputPort:"));
    expect(refused(["validate", "--root", root])).toMatch(/^error: domains\/sales\/products\/orders\/product\.yaml: outputPort: unknown key "outputPort"; did you mean "outputPorts"\? \(allowed keys here: /);
    const root2 = copyMesh();
    const contract = join(root2, PRODUCT, "contract.odcs.yaml");
    writeFileSync(contract, readFileSync(contract, "utf8").replace(/(- name: amount\n\s+)logicalType:/, "$1logicalTyp:"));
    expect(refused(["validate", "--root", root2])).toBe(
      `error: ${PRODUCT}/contract.odcs.yaml: schema "orders" › property "amount" › logicalTyp: unknown key "logicalTyp"; did you mean "logicalType"? (not part of ODCS v3.1.0)`,
    );
  });

  it("mesh new product --columns counts columns from 1, as the user typed them", () => {
    const root = copyMesh();
    const line = refused(["new", "product", "sales", "invoices", "--root", root, "--description", "Every invoice issued, one row each", "--image", "registry.example.com/sales/invoices:1.0.0", "--columns", "id,Amount:number"]);
    expect(line).toMatch(/^error: --columns "id,Amount:number": column 2 › name: must be snake_case/);
    expect(existsSync(join(root, "domains/sales/products/invoices"))).toBe(false);
  });
});

describe("the output folder", () => {
  it("--out pointing to a file is one line, exit 2, before any work", () => {
    const root = copyMesh();
    const file = join(root, "not-a-folder");
    writeFileSync(file, "mine\n");
    expect(refused(["plan", "--root", root, "--out", file])).toBe(`error: --out ${file}: ${file} is a file, not a folder; pass --out a folder (it is created if missing)`);
    expect(refused(["catalog", "--root", root, "--out", join(file, "sub")])).toBe(`error: --out ${join(file, "sub")}: ${file} is a file, not a folder; pass --out a folder (it is created if missing)`);
    expect(refused(["test", "sales/orders", "--root", root, "--out", file])).toMatch(/is a file, not a folder/);
    expect(readFileSync(file, "utf8")).toBe("mine\n");
  });

  it("a plan/ or catalog/ folder mesh did not write is never replaced", () => {
    for (const sub of ["plan", "catalog"]) {
      const root = copyMesh();
      const out = mkdtempSync(join(tmpdir(), "out-"));
      mkdirSync(join(out, sub));
      writeFileSync(join(out, sub, "thesis.tex"), "three years of work\n");
      expect(refused(["plan", "--root", root, "--out", out, "--stack", "platform-dev"])).toBe(
        `error: ${join(out, sub)} holds files mesh did not write (it has no .mesh-output), and mesh would replace the whole folder: move it away or pass another --out`,
      );
      expect(readdirSync(join(out, sub))).toEqual(["thesis.tex"]);
      expect(readdirSync(out)).toEqual([sub]);
    }
    const out = mkdtempSync(join(tmpdir(), "out-"));
    mkdirSync(join(out, "catalog"));
    writeFileSync(join(out, "catalog", "index.html"), "<p>mine</p>\n");
    expect(refused(["catalog", "--root", copyMesh(), "--out", out])).toMatch(/catalog holds files mesh did not write .*\(if an earlier mesh version wrote it, delete it once\)$/);
    expect(readFileSync(join(out, "catalog", "index.html"), "utf8")).toBe("<p>mine</p>\n");
  });
});

/**
 * The file system failing under the CLI (item 4). A full disk or a read-only mount cannot be arranged without root,
 * so test/helpers/fs-fault.cjs makes Node's own fs calls fail with the real error codes, in the CLI and (through
 * NODE_OPTIONS) in its plan workers.
 */
function meshWithFault(fault: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(REPO, "cli", "bin", "mesh.js"), ...args], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0", MESH_FS_FAULT: fault, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${join(REPO, "test", "helpers", "fs-fault.cjs")}` },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir, { recursive: true }).map(String).sort().filter((f) => statSync(join(dir, f)).isFile()).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
}

describe("no crash on the file system", () => {
  const root = copyMesh();
  const out = mkdtempSync(join(tmpdir(), "out-"));
  const first = mesh(["plan", "--root", root, "--out", out, "--stack", "platform-dev"]);

  function failsCleanly(fault: string, args: string[], message: RegExp): void {
    const before = { plan: snapshot(join(out, "plan")), catalog: snapshot(join(out, "catalog")) };
    const run = meshWithFault(fault, args);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(run.stderr.trimEnd().split("\n"), run.stderr).toEqual([expect.stringMatching(message)]);
    expect(run.status).toBe(2);
    // The previous output is intact, and no staging folder is left behind.
    expect(snapshot(join(out, "plan"))).toEqual(before.plan);
    expect(snapshot(join(out, "catalog"))).toEqual(before.catalog);
    expect(readdirSync(out).sort()).toEqual([".cache", "catalog", "plan"]);
  }

  it("a first plan wrote the output folders, each with its marker", () => {
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    // One stack planned: the summary says "1 stack", not "1 stacks".
    expect(first.stdout.split("\n")[0]).toMatch(/^Planned 1 stack: \d+ resources, \d+ protected, 0 product instances, /);
    expect(readdirSync(join(out, "plan"))).toContain(".mesh-output");
    expect(readdirSync(join(out, "catalog"))).toContain(".mesh-output");
  });

  it("a full disk while a worker writes a manifest: exit 2, one line naming the file and what to do", () => {
    failsCleanly("ENOSPC:/plan\\.tmp-\\d+/platform-dev\\.json$", ["plan", "--root", root, "--out", out, "--stack", "platform-dev", "--no-cache"], /^error: cannot write .*\/plan\.tmp-\d+\/platform-dev\.json: no space left on the device: free some space or pass --out on another disk \(ENOSPC\)$/);
  });

  it("a full disk while the plan writes its summary", () => {
    failsCleanly("ENOSPC:/plan\\.tmp-\\d+/summary\\.json$", ["plan", "--root", root, "--out", out, "--stack", "platform-dev"], /^error: cannot write .*summary\.json: no space left on the device.*\(ENOSPC\)$/);
  });

  it("an unwritable output folder (mesh plan, mesh catalog)", () => {
    failsCleanly("EACCES:/plan\\.tmp-\\d+$", ["plan", "--root", root, "--out", out, "--stack", "platform-dev"], /^error: cannot write .*\/plan\.tmp-\d+: permission denied: make the folder writable for this user or pass another --out \(EACCES\)$/);
    // The catalog exists, so it is updated in place: the pages a change touches are staged in catalog/.update-<pid>/
    // first (a catalog with nothing to change writes nothing, and so succeeds even on a read-only disk).
    setYaml(root, "domains/sales/products/orders/contract.odcs.yaml", ["description", "purpose"], "Every order placed, one row per order (read-only disk test)");
    failsCleanly("EROFS:/catalog/\\.update-\\d+", ["catalog", "--root", root, "--out", out], /^error: cannot write .*catalog\/\.update-\d+.*: the file system is read-only: pass --out on a writable disk \(EROFS\)$/);
  });

  it("mesh test with a full disk when writing its report", () => {
    const testOut = mkdtempSync(join(tmpdir(), "out-"));
    const run = meshWithFault("ENOSPC:/quality/orders/order-lines\\.json$", ["test", "orders/order-lines", "--out", testOut]);
    expect(run.stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(/^error: cannot write .*order-lines\.json: no space left on the device.*\(ENOSPC\)$/)]);
    expect(run.status).toBe(2);
  });
});

describe("new-user review: flags that would lose data or be silently misread", () => {
  it("mesh generate --out refuses a folder it did not write (its files stay) and a file, but replaces its own output", () => {
    const dir = mkdtempSync(join(tmpdir(), "gen-"));
    const mine = join(dir, "g1");
    mkdirSync(mine);
    writeFileSync(join(mine, "notes.txt"), "mine\n");
    expect(refused(["generate", "--domains", "1", "--products", "1", "--out", mine])).toBe(
      `error: ${mine} holds files mesh did not write (it has no .mesh-output), and mesh would replace the whole folder: move it away or pass another --out`,
    );
    expect(readdirSync(mine)).toEqual(["notes.txt"]);
    const file = join(dir, "a-file");
    writeFileSync(file, "mine\n");
    expect(refused(["generate", "--domains", "1", "--products", "1", "--out", file])).toBe(`error: --out ${file}: ${file} is a file, not a folder; pass --out a folder (it is created if missing)`);
    expect(readFileSync(file, "utf8")).toBe("mine\n");
    // A folder an earlier `mesh generate` wrote is replaced, as before.
    const gen = join(dir, "gen");
    for (const products of ["2", "1"]) expect(mesh(["generate", "--domains", "1", "--products", products, "--out", gen]).status).toBe(0);
    expect(readdirSync(join(gen, "domains", readdirSync(join(gen, "domains"))[0]!, "products"))).toHaveLength(1);
  });

  it("an empty or blank --out is refused by every command that takes one, and --base too", () => {
    const root = copyMesh();
    const cwd = mkdtempSync(join(tmpdir(), "cwd-"));
    const inCwd = (args: string[]) => {
      const run = mesh(args, cwd);
      expect(run.stdout).toBe("");
      expect(run.status).toBe(2);
      expect(readdirSync(cwd)).toEqual([]);
      return run.stderr;
    };
    const out = `error: --out "" is empty: pass a folder, such as --out out (it is created if missing); nothing was written\n`;
    expect(inCwd(["plan", "--root", root, "--out", ""])).toBe(out);
    expect(inCwd(["export", "odcs", "--root", root, "--out", ""])).toBe(out);
    expect(inCwd(["catalog", "--root", root, "--out", ""])).toBe(out);
    expect(inCwd(["generate", "--domains", "1", "--products", "1", "--out", ""])).toBe(out);
    expect(inCwd(["plan", "--root", root, "--out", "  "])).toBe(`error: --out "  " is empty: pass a folder, such as --out out (it is created if missing); nothing was written\n`);
    expect(inCwd(["plan", "--root", root, "--base", ""])).toBe(
      `error: --base "" is empty: pass a git ref, an earlier plan's output folder or another mesh root, such as --base origin/main; nothing was written\n`,
    );
  });

  it("mesh plan merge refuses an --out that is, or is inside, one of its shard folders", () => {
    const root = copyMesh();
    const s = mkdtempSync(join(tmpdir(), "shards-"));
    // Shards need one MESH_SECRET_KEY (docs/ci.md); the CLI helper passes this process's environment on.
    const key = process.env.MESH_SECRET_KEY;
    process.env.MESH_SECRET_KEY = "review-test-key";
    onTestFinished(() => {
      if (key === undefined) delete process.env.MESH_SECRET_KEY;
      else process.env.MESH_SECRET_KEY = key;
    });
    for (const k of [1, 2]) expect(mesh(["plan", "--root", root, "--shard", `${k}/2`, "--out", join(s, `shard-${k}`)]).status).toBe(0);
    const before = readdirSync(join(s, "shard-2", "plan")).sort();
    const shards = [join(s, "shard-1"), join(s, "shard-2")];
    for (const out of [join(s, "shard-2"), join(s, "shard-2", "plan", "x")]) {
      expect(refused(["plan", "merge", ...shards, "--root", root, "--out", out])).toBe(
        `error: --out ${out} overlaps the shard folder ${shards[1]}, and the merge would overwrite its input: pass an --out outside every shard folder, such as --out merged; nothing was written`,
      );
    }
    expect(readdirSync(join(s, "shard-2", "plan")).sort()).toEqual(before);
    // Beside the shards (only <out>/plan/ is replaced) is fine.
    expect(mesh(["plan", "merge", ...shards, "--root", root, "--out", s]).status).toBe(0);
  });

  it("mesh new product --columns: extra :parts, empty list or entry, repeats and too many are refused against --columns", () => {
    const root = copyMesh();
    const types = "string, integer, number, boolean, date, timestamp, time";
    const form = `name or name:type, comma-separated (types: ${types}; default type string)`;
    const columns = (spec: string) =>
      refused(["new", "product", "sales", "invoices", "--root", root, "--description", "Every invoice issued, one row each", "--image", "registry.example.com/sales/invoices:1.0.0", "--columns", spec]);
    expect(columns("a:integer:x")).toBe(`error: --columns "a:integer:x": column 1 "a:integer:x" has more than name:type: give ${form}`);
    expect(columns("")).toBe(`error: --columns "": no columns: pass at least one, as ${form}`);
    expect(columns("a,,b")).toBe(`error: --columns "a,,b": column 2 is empty: give ${form}`);
    expect(columns("a,a")).toBe(`error: --columns "a,a": column 2: "a" is given twice; each column name once`);
    const many = Array.from({ length: 3000 }, (_, i) => `c${i}`).join(",");
    expect(columns(many)).toMatch(/^error: --columns "c0,.*": 3,000 columns; a port is one Glue table of at most 1,985 columns/);
    expect(columns("a:float")).toBe(`error: --columns "a:float": column 1 "a:float": unknown type "float"; types are ${types}`);
    expect(existsSync(join(root, "domains/sales/products/invoices"))).toBe(false);
    // --help names the same types as the errors.
    expect(mesh(["new", "product", "--help"]).stdout.replace(/\s+/g, " ")).toContain(`(types: ${types}; default type string)`);
  });
});
