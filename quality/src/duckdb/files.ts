import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";

/** Sample data formats `mesh test` reads, by file extension. */
export const FORMATS: Record<string, "csv" | "json" | "parquet"> = {
  ".csv": "csv",
  ".json": "json",
  ".jsonl": "json",
  ".ndjson": "json",
  ".parquet": "parquet",
};
const VALID = "a .csv, .json (.jsonl, .ndjson) or .parquet file, or a folder with one such file (or folder of files) per port named after the port";

/** Bad sample input: the file (or folder) and what would be valid, reported in one line with exit code 2. */
export class DataInputError extends Error {
  constructor(readonly file: string, readonly problem: string) {
    super(`${file}: ${problem}`);
    this.name = "DataInputError";
  }
}

export interface PortData {
  format: "csv" | "json" | "parquet";
  files: string[];
}

function formatOf(file: string): PortData["format"] | undefined {
  return FORMATS[extname(file).toLowerCase()];
}

function dataFilesIn(dir: string): string[] {
  return readdirSync(dir).filter((f) => !f.startsWith(".") && formatOf(f) !== undefined && statSync(join(dir, f)).isFile()).sort().map((f) => join(dir, f));
}

function oneFormat(files: string[], where: string): PortData {
  const formats = [...new Set(files.map((f) => formatOf(f)!))];
  if (formats.length > 1) throw new DataInputError(where, `mixes ${formats.join(" and ")} files; one port's data must be in one format`);
  return { format: formats[0]!, files };
}

/**
 * Finds each port's sample files under `--data`: a single file (a product with one port, or a file named after a
 * port), or a folder holding `<port>.<ext>` files or `<port>/` folders of files; a one-port product may also use
 * every data file of the folder.
 */
export function resolveSampleData(data: string, ports: string[]): Record<string, PortData> {
  if (!existsSync(data)) throw new DataInputError(data, `does not exist; pass ${VALID}`);
  const st = statSync(data);
  if (st.isFile()) {
    if (!formatOf(data)) throw new DataInputError(data, `is not a data file this command reads; pass ${VALID}`);
    const stem = basename(data, extname(data));
    const port = ports.length === 1 ? ports[0]! : ports.find((p) => p === stem);
    if (!port) throw new DataInputError(data, `the product publishes ${ports.length} ports (${ports.join(", ")}); pass a folder with one file per port named after it`);
    const missing = ports.filter((p) => p !== port);
    if (missing.length > 0) throw new DataInputError(data, `holds only port ${port}; pass a folder that also has ${missing.join(", ")}`);
    return { [port]: oneFormat([data], data) };
  }
  if (!st.isDirectory()) throw new DataInputError(data, `is neither a file nor a folder; pass ${VALID}`);
  const result: Record<string, PortData> = {};
  const loose = dataFilesIn(data);
  for (const port of ports) {
    const named = loose.filter((f) => basename(f, extname(f)) === port);
    const sub = join(data, port);
    if (named.length > 0) result[port] = oneFormat(named, data);
    else if (existsSync(sub) && statSync(sub).isDirectory() && dataFilesIn(sub).length > 0) result[port] = oneFormat(dataFilesIn(sub), sub);
    else if (ports.length === 1 && loose.length > 0) result[port] = oneFormat(loose, data);
    else throw new DataInputError(data, `has no data for port ${port}; add ${port}.csv (or .json, .parquet) or a folder ${port}/ of such files`);
  }
  return result;
}
