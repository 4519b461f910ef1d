import type { Command } from "commander";

// The verbs load their modules when they run: `mesh plan` and `mesh --help` do not pay for the search library,
// YAML stringifying or the exporters.
const load = {
  catalog: () => require("./catalog") as typeof import("./catalog"),
  discover: () => require("./discover") as typeof import("./discover"),
  interop: () => require("./interop") as typeof import("./interop"),
};

/** The discovery verbs (catalog, search, show, import, export), kept out of main.ts so verbs merge cleanly. */
export function registerCatalogCommands(program: Command): void {
  program
    .command("catalog")
    .description("Write the catalog site (static, works offline from disk) to <out>/catalog/, with the last plan's costs and findings")
    .option("--root <dir>", "mesh root: a folder with mesh.yaml, domains/ and stacks/", ".")
    .option("--out <dir>", "output folder; the site goes to <out>/catalog/ (costs come from <out>/plan/)", "out")
    .action((o: { root: string; out: string }) => {
      process.stdout.write(`${load.catalog().catalog(o)}\n`);
    });
  program
    .command("search")
    .description("Search products, ports, fields, descriptions, tags, owners and domains (the catalog site's index); typos are forgiven")
    .argument("<words...>", "what to look for, such as: customer lifetme value")
    .option("--root <dir>", "mesh root", ".")
    .option("--out <dir>", "output folder of the last plan (for costs)", "out")
    .option("--json", "print the hits as JSON", false)
    .option("--limit <n>", "at most this many hits", (v) => Math.max(1, Number(v) || 10), 10)
    .action((words: string[], o: { root: string; out: string; json: boolean; limit: number }) => {
      process.stdout.write(`${load.discover().searchCommand({ ...o, words })}\n`);
    });
  program
    .command("show")
    .description("Show one product as its catalog page does: schema, owners, SLA, locations, consumers, how to request access")
    .argument("<domain/product>", "the product, such as customers/customer-profile")
    .option("--root <dir>", "mesh root", ".")
    .option("--out <dir>", "output folder of the last plan (for costs)", "out")
    .option("--json", "print the product as JSON", false)
    .action((id: string, o: { root: string; out: string; json: boolean }) => {
      process.stdout.write(`${load.discover().showCommand({ ...o, id })}\n`);
    });
  const importCmd = program.command("import").description("Bring a product in from a standard format");
  importCmd
    .command("odcs")
    .description("Create a product from an ODCS v3.x contract: its contract.odcs.yaml and a minimal product.yaml; says what will not be provisioned")
    .argument("<file>", "the ODCS contract (YAML or JSON)")
    .requiredOption("--domain <domain>", "the domain the product joins (domains/<domain>/ must exist)")
    .requiredOption("--product <product>", "the new product folder name, such as air-quality")
    .option("--root <dir>", "mesh root", ".")
    .option("--owner <username>", "the accountable owner, when the contract's team has no member with role owner")
    .option("--classification <level>", "the contract's classification when it declares none (public, internal, confidential, restricted)")
    .option("--image <image>", "the pipeline's pinned container image (default: a placeholder to replace)")
    .option("--schedule <cron>", "the pipeline's schedule", "0 * * * *")
    .action((file: string, o: { root: string; domain: string; product: string; owner?: string; classification?: string; image?: string; schedule: string }) => {
      process.stdout.write(`${load.interop().importOdcs({ ...o, file })}\n`);
    });
  const exportCmd = program.command("export").description("Write the mesh in a standard format");
  const exporter = (name: string, description: string, run: (o: { root: string; out: string }) => string) =>
    exportCmd
      .command(name)
      .description(description)
      .requiredOption("--out <dir>", "folder to write to")
      .option("--root <dir>", "mesh root", ".")
      .action((o: { root: string; out: string }) => {
        process.stdout.write(`${run(o)}\n`);
      });
  exporter("odcs", "Every product's contract as ODCS v3.1.0 (<out>/<domain>/<product>.odcs.yaml), import adjustments undone", (o) => load.interop().exportOdcs(o));
  exporter("odps", "Every product as an ODPS v1.0.0 descriptor (<out>/<domain>/<product>.odps.yaml)", (o) => load.interop().exportOdps(o));
  exporter("backstage", "Backstage catalog-info.yaml entities: Domain, Group, System, Component, API per port major, Resource per bucket and table", (o) => load.interop().exportBackstage(o));
}
