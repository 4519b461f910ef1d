/**
 * Athena's reserved keywords (https://docs.aws.amazon.com/athena/latest/ug/reserved-words.html). A field named
 * after one works (the Glue table is created through the API, and every query the platform generates quotes
 * identifiers), but every hand-written query must escape it: backticks in DDL (`ALTER TABLE … ADD PARTITION
 * (\`date\` = …)`), double quotes in SELECT statements and views (`SELECT "end" FROM …`). Unescaped, Athena fails.
 */
const DDL = `ALL ALTER AND ARRAY AS AUTHORIZATION BETWEEN BIGINT BINARY BOOLEAN BOTH BY CASE CASHE CAST CHAR COLUMN CONF
CONSTRAINT COMMIT CREATE CROSS CUBE CURRENT CURRENT_DATE CURRENT_TIMESTAMP CURSOR DATABASE DATE DAYOFWEEK DECIMAL DELETE
DESCRIBE DISTINCT DIV DOUBLE DROP ELSE END EXCHANGE EXISTS EXTENDED EXTERNAL EXTRACT FALSE FETCH FLOAT FLOOR FOLLOWING FOR
FOREIGN FROM FULL FUNCTION GRANT GROUP GROUPING HAVING IF IMPORT IN INNER INSERT INT INTEGER INTERSECT INTERVAL INTO IS
JOIN LATERAL LEFT LESS LIKE LOCAL MACRO MAP MORE NONE NOT NULL NUMERIC OF ON ONLY OR ORDER OUT OUTER OVER PARTIALSCAN
PARTITION PERCENT PRECEDING PRECISION PRESERVE PRIMARY PROCEDURE RANGE READS REDUCE REGEXP REFERENCES REVOKE RIGHT RLIKE
ROLLBACK ROLLUP ROW ROWS SELECT SET SMALLINT START TABLE TABLESAMPLE THEN TIME TIMESTAMP TO TRANSFORM TRIGGER TRUE
TRUNCATE UNBOUNDED UNION UNIQUEJOIN UPDATE USER USING UTC_TIMESTAMP VALUES VARCHAR VIEWS WHEN WHERE WINDOW WITH`;

const SELECT = `ALTER AND AS BETWEEN BY CASE CAST CONSTRAINT CREATE CROSS CUBE CURRENT_DATE CURRENT_PATH CURRENT_TIME
CURRENT_TIMESTAMP CURRENT_USER DEALLOCATE DELETE DESCRIBE DISTINCT DROP ELSE END ESCAPE EXCEPT EXECUTE EXISTS EXTRACT
FALSE FIRST FOR FROM FULL GROUP GROUPING HAVING IN INNER INSERT INTERSECT INTO IS JOIN LAST LEFT LIKE LOCALTIME
LOCALTIMESTAMP NATURAL NORMALIZE NOT NULL ON OR ORDER OUTER PREPARE RECURSIVE RIGHT ROLLUP SELECT TABLE THEN TRUE
UNESCAPE UNION UNNEST USING VALUES WHEN WHERE WITH`;

const words = (list: string) => new Set(list.split(/\s+/).map((w) => w.toLowerCase()));
export const ATHENA_DDL_RESERVED: ReadonlySet<string> = words(DDL);
export const ATHENA_SELECT_RESERVED: ReadonlySet<string> = words(SELECT);

/** Where a name must be escaped in hand-written Athena SQL; undefined when it is no reserved keyword. */
export function reservedIn(name: string): { ddl: boolean; select: boolean } | undefined {
  const n = name.toLowerCase();
  const ddl = ATHENA_DDL_RESERVED.has(n);
  const select = ATHENA_SELECT_RESERVED.has(n);
  return ddl || select ? { ddl, select } : undefined;
}

/** The quoting a user must write for a reserved name, in one sentence. */
export function quotingAdvice(name: string, where: { ddl: boolean; select: boolean }): string {
  const parts = [where.select ? `as "${name}" in SELECT statements and views` : "", where.ddl ? `as \`${name}\` in DDL such as ALTER TABLE … ADD PARTITION` : ""].filter(Boolean);
  return `every hand-written Athena query must escape it ${parts.join(" and ")} (unescaped, Athena fails; the platform's generated queries already quote it)`;
}

export interface ReservedField {
  /** The contract file, relative to the mesh root. */
  file: string;
  port: string;
  field: string;
  where: { ddl: boolean; select: boolean };
}

/** The fields of a contract's ports named after an Athena reserved keyword. */
export function reservedFields(contract: { file: string; ports: Record<string, { columns: { name: string }[]; partitionKeys: { name: string }[] }> }): ReservedField[] {
  return Object.entries(contract.ports).flatMap(([port, p]) =>
    [...p.columns, ...p.partitionKeys].flatMap((c) => {
      const where = reservedIn(c.name);
      return where ? [{ file: contract.file, port, field: c.name, where }] : [];
    }),
  );
}

/** One line: what the name is reserved in, and what that means for the people who query it. */
export function reservedFieldMessage(f: ReservedField): string {
  const lists = [f.where.ddl ? "DDL" : "", f.where.select ? "SELECT" : ""].filter(Boolean).join(" and ");
  return `field "${f.field}" is a reserved keyword of Athena ${lists} statements: ${quotingAdvice(f.field, f.where)}`;
}
