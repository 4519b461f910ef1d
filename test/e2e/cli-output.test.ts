import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { colourWanted } from "../../cli/src/terminal/style";
import { mesh } from "../helpers/cli";
import { copyMesh, REPO, setYaml, writeFile } from "../helpers/fixture";

describe("every config error in one run", () => {
  it("mesh validate lists the problems of several files at once, each naming file and field, exit 2", () => {
    const root = copyMesh();
    setYaml(root, "domains/sales/domain.yaml", ["costCenter"], "cc 1");
    setYaml(root, "domains/sales/products/orders/product.yaml", ["pipeline", "schedule"], "every hour");
    setYaml(root, "domains/analytics/domain.yaml", ["environments", "dev", "region"], "us-west-2");
    writeFile(root, "stacks/Pulumi.clinic-dev.yaml", "config:\n  mesh:env: dev\n");
    const run = mesh(["validate", "--root", root]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toEqual([
      "error: stacks/Pulumi.clinic-dev.yaml: config.mesh:domain: is required: the domain folder this stack deploys (or platform)",
      "error: domains/analytics/domain.yaml: environments.dev.region: us-west-2 is outside the mesh's data residency (allowed: eu-west-1, us-east-1)",
      "error: domains/sales/domain.yaml: costCenter: must be 2-20 uppercase letters, digits or hyphens, such as CC-1042",
      expect.stringMatching(/^error: domains\/sales\/products\/orders\/product\.yaml: pipeline\.schedule: must be a 5-field cron expression/),
      "4 problems; nothing was planned or written",
    ]);
  });

  it("mesh plan reports them before any planning work: no progress, nothing under --out", () => {
    const root = copyMesh();
    setYaml(root, "domains/sales/domain.yaml", ["costCenter"], "cc 1");
    setYaml(root, "domains/analytics/domain.yaml", ["owner", "email"], "nobody");
    const out = join(root, "out");
    const run = mesh(["plan", "--root", root, "--out", out]);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(/Planning/);
    expect(run.stderr.match(/^error: /gm)).toHaveLength(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe("a CLI that respects the reader", () => {
  it("--version prints the CLI and blueprint versions", () => {
    const run = mesh(["--version"]);
    expect(run.status).toBe(0);
    const cli = JSON.parse(readFileSync(join(REPO, "cli", "package.json"), "utf8")).version;
    const blueprint = JSON.parse(readFileSync(join(REPO, "components", "package.json"), "utf8")).version;
    expect(run.stdout).toBe(`mesh ${cli} (blueprint ${blueprint})\n`);
  });

  it("help shows examples and every exit code", () => {
    for (const args of [["--help"], ["plan", "--help"], ["new", "--help"]]) {
      const run = mesh(args);
      expect(run.status).toBe(0);
      for (const code of ["0  done", "1  internal error", "2  invalid input", "3  blocked"]) expect(run.stdout).toContain(code);
    }
    expect(mesh(["--help"]).stdout).toMatch(/Examples:\n {2}mesh validate/);
  });

  it("colour only on a terminal, never in CI or with NO_COLOR (https://no-color.org)", () => {
    expect(colourWanted({ isTTY: true }, {})).toBe(true);
    expect(colourWanted({ isTTY: false }, {})).toBe(false);
    expect(colourWanted({ isTTY: true }, { CI: "true" })).toBe(false);
    expect(colourWanted({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(colourWanted({ isTTY: true }, { FORCE_COLOR: "0" })).toBe(false);
  });
});
