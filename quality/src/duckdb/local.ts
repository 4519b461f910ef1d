import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { Relations } from "../compile";
import { DUCKDB, duckdbType, quoteIdent, stringLiteral } from "../dialect";
import type { SqlEngine } from "../judge";
import type { PortShape } from "../model";
import { DataInputError, type PortData } from "./files";

/** The raw table of a port's sample (as read, types sniffed from every row) and the typed table the rules run on. */
export const rawTable = (port: string): string => `${port}__raw`;

export const LOCAL_RELATIONS: Relations = {
  data: (port) => quoteIdent(port),
  columnsOf: (port) => ({ table: rawTable(port) }),
};

function reader(data: PortData): string {
  const files = `[${data.files.map(stringLiteral).join(", ")}]`;
  // Types are sniffed from every row (sample_size = -1): a bad value in row 900,000 still shows in the schema check.
  if (data.format === "csv") return `read_csv(${files}, header = true, sample_size = -1, union_by_name = true)`;
  if (data.format === "json") return `read_json(${files}, sample_size = -1, union_by_name = true)`;
  return `read_parquet(${files}, union_by_name = true)`;
}

/** DuckDB in process, with each port's sample loaded as a table; the engine `mesh test` runs the compiled rules on. */
export class LocalEngine implements SqlEngine {
  readonly dialect = DUCKDB;
  private constructor(private readonly instance: DuckDBInstance, private readonly connection: DuckDBConnection) {}

  static async open(ports: PortShape[], data: Record<string, PortData>): Promise<LocalEngine> {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const engine = new LocalEngine(instance, connection);
    try {
      await connection.run("SET TimeZone = 'UTC'");
      for (const port of ports) await engine.load(port, data[port.name]!);
      // The rules run on loaded tables only: a sql rule cannot read or write files on this machine.
      await connection.run("SET enable_external_access = false");
      await connection.run("SET lock_configuration = true");
    } catch (e) {
      engine.close();
      throw e;
    }
    return engine;
  }

  private async load(port: PortShape, data: PortData): Promise<void> {
    const raw = quoteIdent(rawTable(port.name));
    try {
      await this.connection.run(`CREATE TABLE ${raw} AS SELECT * FROM ${reader(data)}`);
    } catch (e) {
      const first = (e as Error).message.split("\n")[0];
      throw new DataInputError(data.files.join(", "), `cannot be read as ${data.format}: ${first}`);
    }
    const present = new Set((await this.query(`SELECT column_name FROM information_schema.columns WHERE table_name = ${stringLiteral(rawTable(port.name))}`)).map((r) => String(r.column_name)));
    // The typed table casts every contract column to its type; a value that does not cast becomes null, and the
    // schema check reports the column (its sniffed type is then wider than the contract's).
    const select = port.columns.map((c) => {
      const type = duckdbType(c.type);
      const col = quoteIdent(c.name);
      if (!present.has(c.name)) return `CAST(NULL AS ${type ?? "VARCHAR"}) AS ${col}`;
      return type ? `TRY_CAST(${col} AS ${type}) AS ${col}` : col;
    });
    await this.connection.run(`CREATE TABLE ${quoteIdent(port.name)} AS SELECT ${select.join(", ")} FROM ${raw}`);
  }

  async query(sql: string): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
