import { describe, expect, it } from "vitest";
import { nameProblem, physicalName } from "../../components/src/naming/build";
import { NAME_RULES, type NameKind } from "../../components/src/naming/limits";
import { Names } from "../../components/src/naming/names";

const kinds = Object.keys(NAME_RULES) as NameKind[];
const long = "a-very-long-domain-name-that-goes-on-and-on-".repeat(10);

describe("physicalName", () => {
  it.each(kinds)("keeps %s names within the service limit, and stable", (kind) => {
    const rule = NAME_RULES[kind];
    const name = physicalName(kind, ["acme", long, "product"], kind === "kmsAlias" ? { prefix: "alias/" } : {});
    expect(name.length).toBeLessThanOrEqual(rule.max);
    expect(nameProblem(kind, name)).toBeUndefined();
    expect(physicalName(kind, ["acme", long, "product"], kind === "kmsAlias" ? { prefix: "alias/" } : {})).toBe(name);
  });

  it("truncates with a hash so two long names stay distinct", () => {
    const a = physicalName("s3Bucket", ["acme", long, "orders"]);
    const b = physicalName("s3Bucket", ["acme", long, "returns"]);
    expect(a).toHaveLength(63);
    expect(b).toHaveLength(63);
    expect(a).not.toBe(b);
    expect(a).toMatch(/-[0-9a-f]{7}$/);
  });

  it("does not touch names within the limit", () => {
    expect(physicalName("s3Bucket", ["shopwave", "dev", "orders", "order-events"])).toBe("shopwave-dev-orders-order-events");
    expect(physicalName("glue", ["shopwave", "dev", "order-management"])).toBe("shopwave_dev_order_management");
    expect(physicalName("k8sCronJob", ["order-events", "pipeline"])).toBe("order-events-pipeline");
  });

  it("sanitises characters each service refuses", () => {
    expect(physicalName("s3Bucket", ["Acme", "Dev__Orders", "x.y"])).toBe("acme-dev-orders-x-y");
    expect(physicalName("glue", ["Order-Events", "v2"])).toBe("order_events_v2");
  });

  it("never ends an S3 name with a reserved suffix", () => {
    const name = physicalName("s3Bucket", ["acme", "data", "s3alias"]);
    expect(name.endsWith("-s3alias")).toBe(false);
    expect(nameProblem("s3Bucket", name)).toBeUndefined();
  });

  it("keeps CronJob names to 52 characters (the controller appends 11)", () => {
    const name = physicalName("k8sCronJob", ["customer-lifetime-value-and-churn-propensity", "quality"]);
    expect(name.length).toBeLessThanOrEqual(52);
    expect(nameProblem("k8sCronJob", name)).toBeUndefined();
  });
});

describe("nameProblem", () => {
  it.each([
    ["s3Bucket", "ab", /length/],
    ["s3Bucket", "xn--bucket", /reserved/],
    ["s3Bucket", "sthree-data", /reserved/],
    ["s3Bucket", "data--ol-s3", /reserved/],
    ["s3Bucket", "Upper-Case", /characters/],
    ["s3Bucket", "192.168.1.1", /characters|IP/],
    ["glue", "has-hyphen", /characters/],
    ["iamRole", "r".repeat(65), /length/],
    ["k8sName", "-leading", /characters/],
    ["kmsAlias", "alias/aws/s3", /characters/],
  ] as [NameKind, string, RegExp][])("refuses %s %s", (kind, name, problem) => {
    expect(nameProblem(kind, name)).toMatch(problem);
  });
});

describe("Names", () => {
  const names = new Names({ prefix: "shopwave", env: "prod", domain: "orders", account: "222222222222", region: "eu-west-1" });
  it("derives every physical name of a domain from one scope", () => {
    expect(names.productBucket("order-events")).toBe("shopwave-prod-orders-order-events");
    expect(names.glueDatabase()).toBe("shopwave_prod_orders");
    expect(names.glueTable("order_events", 2)).toBe("order_events_v2");
    expect(names.kmsAlias()).toBe("alias/shopwave/prod/orders");
    expect(names.logGroup("order-events")).toBe("/datamesh/prod/orders/order-events");
    expect(names.producerRole("order-events")).toBe("shopwave-prod-orders-order-events");
    expect(names.roleArn(names.producerRole("order-events"))).toBe("arn:aws:iam::222222222222:role/shopwave-prod-orders-order-events");
    expect(names.namespace()).toBe("orders-prod");
    expect(names.accessLogBucket()).toBe("shopwave-prod-access-logs-222222222222-eu-west-1");
  });
});

describe("names AWS reserves by their start", () => {
  it.each([
    ["s3Bucket", ["sthree", "dev", "orders"], {}, "msthree-dev-orders"],
    ["s3Bucket", ["amzn", "s3", "demo-sales", "orders"], {}, "mamzn-s3-demo-sales-orders"],
    ["kmsAlias", ["aws/dev/orders"], { prefix: "alias/" }, "alias/maws/dev/orders"],
  ] as [NameKind, string[], { prefix?: string }, string][])("%s %j is repaired deterministically", (kind, parts, opts, expected) => {
    expect(physicalName(kind, parts, opts)).toBe(expected);
    expect(nameProblem(kind, expected)).toBeUndefined();
  });
});
