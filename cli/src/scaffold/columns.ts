import { z } from "zod";
import { MAX_COLUMNS_PER_TABLE } from "@data-mesh/components/src/config/limits";

/** The ODCS logical types `mesh new product --columns` accepts: one list for --help, the prompt and the errors. */
export const COLUMN_TYPES = ["string", "integer", "number", "boolean", "date", "timestamp", "time"] as const;

const FORM = `name or name:type, comma-separated (types: ${COLUMN_TYPES.join(", ")}; default type string)`;

export interface ColumnSpec {
  name: string;
  logicalType: string;
}

/**
 * `--columns` text to columns, checked here so every problem names --columns rather than a contract file that does
 * not exist yet: no empty list or entry, no `name:type:extra`, a known type, each name once, at most one Glue
 * table's worth. `name` checks its own form (snake_case) so the error says which column.
 */
export function columnsSchema(name: z.ZodType<string>): z.ZodType<ColumnSpec[], string> {
  return z.string().transform((text, ctx) => {
    const fail = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    if (text.trim() === "") return fail(`no columns: pass at least one, as ${FORM}`);
    const entries = text.split(",").map((s) => s.trim());
    const columns: ColumnSpec[] = [];
    const seen = new Set<string>();
    for (const [i, entry] of entries.entries()) {
      const at = `column ${i + 1}`;
      if (entry === "") return fail(`${at} is empty: give ${FORM}`);
      const parts = entry.split(":").map((s) => s.trim());
      if (parts.length > 2) return fail(`${at} "${entry}" has more than name:type: give ${FORM}`);
      const [colName = "", logicalType = "string"] = parts;
      const named = name.safeParse(colName);
      if (!named.success) return fail(`${at} › name: ${named.error.issues[0]!.message}`);
      if (!(COLUMN_TYPES as readonly string[]).includes(logicalType)) return fail(`${at} "${entry}": unknown type "${logicalType}"; types are ${COLUMN_TYPES.join(", ")}`);
      if (seen.has(colName)) return fail(`${at}: "${colName}" is given twice; each column name once`);
      seen.add(colName);
      columns.push({ name: colName, logicalType });
    }
    if (columns.length > MAX_COLUMNS_PER_TABLE) {
      return fail(`${columns.length.toLocaleString("en-US")} columns; a port is one Glue table of at most ${MAX_COLUMNS_PER_TABLE.toLocaleString("en-US")} columns (see Limits in docs/domain-team.md): split it into several products or ports`);
    }
    return columns;
  });
}

/** For --help and the prompt. */
export const COLUMNS_HELP = FORM;
