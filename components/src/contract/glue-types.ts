/**
 * ODCS logical/physical types → Glue (Hive DDL) column types. The physical type wins when it names a Hive type;
 * otherwise the logical type decides. Anything that cannot be mapped safely is refused rather than guessed.
 */
export interface TypedField {
  name: string;
  logicalType?: string;
  physicalType?: string;
  items?: TypedField;
  properties?: TypedField[];
}

export type GlueTypeResult = { type: string } | { problem: string };

const LOGICAL_DEFAULT: Record<string, string> = {
  string: "string",
  date: "date",
  timestamp: "timestamp",
  // Hive has no TIME type: a time of day is kept as an ISO-8601 string.
  time: "string",
  number: "double",
  integer: "bigint",
  boolean: "boolean",
};

/**
 * Physical types that map to a Hive type, grouped by the logical types they may appear with. ODCS `number` covers
 * every numeric value, integers included (the standard's own column-completeness example: number / int).
 */
const PHYSICAL: { pattern: RegExp; logical: string[]; glue: (m: RegExpMatchArray) => string }[] = [
  { pattern: /^(varchar|character varying)\s*\(\s*(\d+)\s*\)$/i, logical: ["string"], glue: (m) => `varchar(${Math.min(Number(m[2]), 65535)})` },
  { pattern: /^(char|character)\s*\(\s*(\d+)\s*\)$/i, logical: ["string"], glue: (m) => `char(${Math.min(Number(m[2]), 255)})` },
  { pattern: /^(varchar|string|text|char|uuid|json|clob|nvarchar)$/i, logical: ["string", "time"], glue: () => "string" },
  { pattern: /^(tinyint|byte)$/i, logical: ["integer", "number"], glue: () => "tinyint" },
  { pattern: /^(smallint|short|int2)$/i, logical: ["integer", "number"], glue: () => "smallint" },
  { pattern: /^(int|integer|int4)$/i, logical: ["integer", "number"], glue: () => "int" },
  { pattern: /^(bigint|long|int8)$/i, logical: ["integer", "number"], glue: () => "bigint" },
  { pattern: /^(decimal|numeric|number)\s*\(\s*(\d+)\s*(,\s*(\d+)\s*)?\)$/i, logical: ["number", "integer"], glue: (m) => `decimal(${m[2]},${m[4] ?? 0})` },
  { pattern: /^(double|double precision|float8)$/i, logical: ["number"], glue: () => "double" },
  { pattern: /^(float|real|float4)$/i, logical: ["number"], glue: () => "float" },
  { pattern: /^(boolean|bool)$/i, logical: ["boolean"], glue: () => "boolean" },
  { pattern: /^date$/i, logical: ["date"], glue: () => "date" },
  { pattern: /^(timestamp|datetime|timestamp_ntz|timestamp_tz|timestamp_ltz|timestamptz|timestamp with time zone|timestamp without time zone)$/i, logical: ["timestamp"], glue: () => "timestamp" },
  { pattern: /^(time|time without time zone)$/i, logical: ["time"], glue: () => "string" },
  { pattern: /^(binary|varbinary|bytes|blob)$/i, logical: ["string"], glue: () => "binary" },
];

/** Maps one contract field to its Glue type, or explains why it cannot be mapped. */
export function glueType(field: TypedField): GlueTypeResult {
  const logical = field.logicalType;
  if (logical === "array") {
    if (!field.items) return { problem: "an array needs `items` describing its element type" };
    const inner = glueType({ ...field.items, name: `${field.name}.items` });
    return "type" in inner ? { type: `array<${inner.type}>` } : inner;
  }
  if (logical === "object") {
    if (!field.properties || field.properties.length === 0) return { problem: "an object needs `properties` describing its fields" };
    const parts: string[] = [];
    for (const p of field.properties) {
      const inner = glueType(p);
      if ("problem" in inner) return { problem: `${p.name}: ${inner.problem}` };
      parts.push(`${p.name}:${inner.type}`);
    }
    return { type: `struct<${parts.join(",")}>` };
  }
  if (!logical) return { problem: "logicalType is required to publish a field (string, date, timestamp, time, number, integer, boolean, array, object)" };
  const fallback = LOGICAL_DEFAULT[logical];
  if (!fallback) return { problem: `logicalType "${logical}" is not an ODCS logical type` };
  const physical = field.physicalType?.trim();
  if (!physical) return { type: fallback };
  for (const rule of PHYSICAL) {
    const m = physical.match(rule.pattern);
    if (!m) continue;
    if (!rule.logical.includes(logical)) {
      return { problem: `physicalType "${physical}" does not fit logicalType "${logical}"` };
    }
    return { type: rule.glue(m) };
  }
  return { problem: `physicalType "${physical}" has no Glue equivalent; use a Hive type such as varchar(n), int, bigint, decimal(p,s), double, date, timestamp` };
}
