import { describe, expect, it } from "vitest";
import { glueType } from "../../components/src/contract/glue-types";

describe("ODCS → Glue type mapping", () => {
  it.each([
    ["string", undefined, "string"],
    ["string", "varchar(36)", "varchar(36)"],
    ["string", "VARCHAR ( 10 )", "varchar(10)"],
    ["string", "char(2)", "char(2)"],
    ["string", "text", "string"],
    ["string", "uuid", "string"],
    ["integer", undefined, "bigint"],
    ["integer", "int", "int"],
    ["integer", "smallint", "smallint"],
    ["integer", "bigint", "bigint"],
    ["integer", "tinyint", "tinyint"],
    ["number", undefined, "double"],
    ["number", "decimal(18,8)", "decimal(18,8)"],
    ["number", "numeric(10)", "decimal(10,0)"],
    ["number", "float", "float"],
    ["number", "double precision", "double"],
    // ODCS's own example (examples/column-completeness.odcs.yaml): logicalType number, physicalType int.
    ["number", "int", "int"],
    ["number", "bigint", "bigint"],
    ["boolean", undefined, "boolean"],
    ["boolean", "bool", "boolean"],
    ["date", undefined, "date"],
    ["date", "date", "date"],
    ["timestamp", undefined, "timestamp"],
    ["timestamp", "timestamp_ntz", "timestamp"],
    ["timestamp", "timestamp with time zone", "timestamp"],
    ["time", undefined, "string"],
  ])("%s / %s → %s", (logicalType, physicalType, expected) => {
    expect(glueType({ name: "f", logicalType, physicalType })).toEqual({ type: expected });
  });

  it("maps arrays and nested objects to Hive complex types", () => {
    expect(glueType({ name: "codes", logicalType: "array", items: { name: "code", logicalType: "string", physicalType: "varchar(8)" } })).toEqual({ type: "array<varchar(8)>" });
    expect(glueType({
      name: "address",
      logicalType: "object",
      properties: [
        { name: "city", logicalType: "string" },
        { name: "geo", logicalType: "object", properties: [{ name: "lat", logicalType: "number" }, { name: "lon", logicalType: "number" }] },
      ],
    })).toEqual({ type: "struct<city:string,geo:struct<lat:double,lon:double>>" });
  });

  it.each([
    [{ name: "f", logicalType: "integer", physicalType: "varchar(3)" }, /does not fit logicalType "integer"/],
    [{ name: "f", logicalType: "string", physicalType: "geography" }, /no Glue equivalent/],
    [{ name: "f" }, /logicalType is required/],
    [{ name: "f", logicalType: "array" }, /needs `items`/],
    [{ name: "f", logicalType: "object", properties: [] }, /needs `properties`/],
  ])("refuses %j", (field, problem) => {
    const result = glueType(field);
    expect("problem" in result && result.problem).toMatch(problem);
  });
});
