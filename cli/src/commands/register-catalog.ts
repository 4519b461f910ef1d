import type { Command } from "commander";
import { catalog } from "./catalog";
import { searchCommand, showCommand } from "./discover";

/** The discovery verbs (catalog, search, show, import, export), kept out of main.ts so verbs merge cleanly. */
export function registerCatalogCommands(program: Command): void {
  program
    .command("catalog")
    .description("Write the catalog site (static, works offline from disk) to <out>/catalog/, with the last plan's costs and findings")
    .option("--root <dir>", "mesh root: a folder with mesh.yaml, domains/ and stacks/", ".")
    .option("--out <dir>", "output folder; the site goes to <out>/catalog/ (costs come from <out>/plan/)", "out")
    .action((o: { root: string; out: string }) => {
      process.stdout.write(`${catalog(o)}\n`);
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
      process.stdout.write(`${searchCommand({ ...o, words })}\n`);
    });
  program
    .command("show")
    .description("Show one product as its catalog page does: schema, owners, SLA, locations, consumers, how to request access")
    .argument("<domain/product>", "the product, such as customers/customer-profile")
    .option("--root <dir>", "mesh root", ".")
    .option("--out <dir>", "output folder of the last plan (for costs)", "out")
    .option("--json", "print the product as JSON", false)
    .action((id: string, o: { root: string; out: string; json: boolean }) => {
      process.stdout.write(`${showCommand({ ...o, id })}\n`);
    });
}
