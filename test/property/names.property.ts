import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameProblem, physicalName, shortHash } from "../../components/src/naming/build";
import { NAME_RULES, type NameKind } from "../../components/src/naming/limits";
import { Names } from "../../components/src/naming/names";
import { checkProperty, runs } from "./support/fuzz";
import { hasReservedAffix, modelBody, modelIntended } from "./support/name-model";
import { awsAccount, awsRegion, envName, meshPrefix, portName, productFolder, slug } from "./support/words";

// physicalName over arbitrary parts (unicode, control characters, reserved affixes, very long parts) for every
// kind of name, and the Names class over arbitrary valid scopes: every name is valid for its service, the same
// input always gives the same name, a name that fits is only sanitised, and long names stay distinct.

const KINDS = Object.keys(NAME_RULES) as NameKind[];

/** Prefixes the blueprint passes for kinds whose names carry a fixed head (KMS aliases must start with alias/). */
const PREFIXES: Partial<Record<NameKind, fc.Arbitrary<string>>> = {
  kmsAlias: fc.constant("alias/"),
  logGroup: fc.constantFrom("", "/"),
};

const TRICKY = ["xn--", "sthree", "amzn", "s3alias", "--ol-s3", "-", "_", ".", "/", "..", "--", "İstanbul", "straße", "ﬀ", "K", "ǅ", "🙂", "a\u0000b", "\u200b", " ", "alias", "aws", "192.168.1.1", "-s3alias"];

const part = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("a", "B", "-", "_", ".", "/", "9", "é"), minLength: 50, maxLength: 400 }) },
  { weight: 2, arbitrary: fc.constantFrom(...TRICKY) },
);

/** Parts, sometimes led by a word that makes the head of the name one a service reserves. */
const parts = fc.oneof(
  { weight: 9, arbitrary: fc.array(part, { maxLength: 6 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("sthree", "amzn-s3-demo", "xn", "aws", "alias", "AWS/x"), fc.array(part, { maxLength: 4 })).map(([head, rest]) => [head, ...rest]) },
);

const nameCase = fc
  .constantFrom(...KINDS)
  .chain((kind) => fc.record({ kind: fc.constant(kind), parts, prefix: PREFIXES[kind] ?? fc.constant("") }));

describe("physicalName", () => {
  it("gives a valid, deterministic name of every kind for any parts; a name that fits is only sanitised", async () => {
    await checkProperty("names/physicalName-valid", fc.property(nameCase, ({ kind, parts, prefix }) => {
      const rule = NAME_RULES[kind];
      const name = physicalName(kind, parts, { prefix });
      expect(nameProblem(kind, name), name).toBeUndefined();
      expect(name.length).toBeGreaterThanOrEqual(rule.min);
      expect(name.length).toBeLessThanOrEqual(rule.max);
      expect(physicalName(kind, [...parts], { prefix })).toBe(name);
      const intended = modelIntended(kind, parts, prefix);
      if (intended.length <= rule.max && !hasReservedAffix(kind, intended)) {
        // Fits: nothing but sanitising (an "m" before a reserved start, padding up to the minimum length) happened.
        expect(name).toBe(intended.length >= rule.min ? intended : intended.padEnd(rule.min, "0"));
      } else {
        // Too long or with a reserved end: cut, and ended with a hash of the whole intended name.
        expect(name.endsWith(`${rule.separator}${shortHash(intended)}`), `${name} should end with the hash of ${intended}`).toBe(true);
      }
    }), runs(4500));
  });

  it("keeps distinct intended names distinct when they are cut to the limit", async () => {
    const longShared = fc.string({ unit: fc.constantFrom("a", "b", "-", "_", "x", "1"), minLength: 40, maxLength: 300 });
    const pair = fc
      .record({ kind: fc.constantFrom(...KINDS), shared: longShared, a: fc.array(part, { minLength: 1, maxLength: 3 }), b: fc.array(part, { minLength: 1, maxLength: 3 }) })
      .map(({ kind, shared, a, b }) => ({ kind, prefix: kind === "kmsAlias" ? "alias/" : "", a: [shared, ...a], b: [shared, ...b] }))
      .filter(({ kind, prefix, a, b }) => modelBody(kind, a, prefix) !== modelBody(kind, b, prefix));
    await checkProperty("names/physicalName-injective", fc.property(pair, ({ kind, prefix, a, b }) => {
      expect(physicalName(kind, a, { prefix })).not.toBe(physicalName(kind, b, { prefix }));
    }), runs(1500));
  });
});

describe("Names", () => {
  // Any prefix the schema's pattern allows, the ones mesh.yaml reserves included: the names must still be valid.
  const scope = fc.record({ prefix: fc.oneof(meshPrefix, fc.constantFrom("aws", "sthree", "amzn")), env: fc.oneof(envName, fc.constant("s3")), domain: fc.oneof(slug, fc.constant("demo-data")), account: awsAccount, region: awsRegion });
  const input = fc.record({ scope, product: productFolder, port: portName, major: fc.oneof(fc.nat(20), fc.nat(), fc.constant(1.2345678901234568e20)) });

  it("builds every physical name of a domain and product valid for its service, the same each time", async () => {
    await checkProperty("names/Names-scope", fc.property(input, ({ scope: s, product, port, major }) => {
      const names = new Names(s);
      const again = new Names({ ...s });
      const built: [NameKind, () => string][] = [
        ["kmsAlias", () => names.kmsAlias()],
        ["glue", () => names.glueDatabase()],
        ["glue", () => names.glueTable(port, major)],
        ["snsTopic", () => names.alertTopic()],
        ["cloudwatchDashboard", () => names.dashboard()],
        ["athenaWorkgroup", () => names.athenaWorkgroup()],
        ["s3Bucket", () => names.queryResultsBucket()],
        ["iamPolicy", () => names.permissionsBoundary()],
        ["s3Bucket", () => names.productBucket(product)],
        ["iamRole", () => names.producerRole(product)],
        ["iamPolicy", () => names.producerPolicy(product)],
        ["logGroup", () => names.logGroup(product)],
        ["cloudwatchAlarm", () => names.alarm(product, "freshness")],
        ["cloudwatchAlarm", () => names.alarm(product, "quality")],
        ["k8sName", () => names.namespace()],
        ["k8sName", () => names.serviceAccount(product)],
        ["k8sCronJob", () => names.cronJob(product, "pipeline")],
        ["k8sCronJob", () => names.cronJob(product, "quality")],
        ["s3Bucket", () => names.accessLogBucket()],
      ];
      for (const [kind, build] of built) {
        const name = build();
        expect(nameProblem(kind, name), `${kind} ${name}`).toBeUndefined();
      }
      expect(again.productBucket(product)).toBe(names.productBucket(product));
      expect(again.kmsAlias()).toBe(names.kmsAlias());
      expect(names.roleArn(names.producerRole(product))).toMatch(/^arn:aws:iam::\d{12}:role\/[A-Za-z0-9+=,.@_-]{1,64}$/);
      // Pipeline and quality jobs of one product never share a name.
      expect(names.cronJob(product, "pipeline")).not.toBe(names.cronJob(product, "quality"));
    }), runs(2000));
  });
});
