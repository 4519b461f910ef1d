import fc from "fast-check";

/**
 * Arbitraries of the values that go into mesh config files: realistic most of the time (words a team would
 * pick), at the edges of each schema's limits some of the time (40-character slugs, 12-character prefixes).
 */

const WORDS = [
  "orders", "order", "events", "sales", "eu", "us", "customer", "customers", "profile", "churn", "clinic", "visits",
  "claims", "billing", "payments", "risk", "fraud", "ledger", "inventory", "stock", "shipping", "returns", "ads",
  "marketing", "analytics", "finance", "hr", "payroll", "v2", "daily", "raw", "curated", "gold", "x", "a", "b",
  "query", "results", "access", "logs", "platform", "catalog", "data", "s3", "demo", "aws", "xn", "k8s",
];

/** Joins words with hyphens into a slug of at most `max` characters (never ending with a hyphen). */
function hyphenated(min: number, max: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((ws) => {
    let s = ws.join("-").slice(0, max).replace(/-+$/, "");
    if (!/^[a-z]/.test(s)) s = `d${s}`.slice(0, max);
    while (s.length < min) s += "x";
    return s;
  });
}

/** Slugs of every length from 2 to 40 alike (so names built from two of them cover the limits around 63). */
const SLUG_OF_LENGTH = Array.from({ length: 41 }, (_, n) => (n < 2 ? fc.constant("ab") : fc.stringMatching(new RegExp(`^[a-z][a-z0-9-]{${n - 2}}[a-z0-9]$`))));
const slugAnyLength = (min: number) => fc.integer({ min, max: 40 }).chain((n) => SLUG_OF_LENGTH[n]!);

/** `slug` of config/common.ts: 2-40 lowercase letters, digits or hyphens, starting with a letter. */
export const slug = fc.oneof(
  { weight: 6, arbitrary: hyphenated(2, 40) },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,38}[a-z0-9]$/) },
  { weight: 2, arbitrary: slugAnyLength(2) },
);

/** Environment names: mostly the usual ones, sometimes long. */
export const envName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("dev", "test", "staging", "prod", "qa", "sandbox", "perf", "eu-prod", "staging-europe", "staging-europe-west-and-central-region") },
  { weight: 1, arbitrary: slug },
  { weight: 1, arbitrary: slugAnyLength(10) },
);

/** Product folder names: `^[a-z][a-z0-9-]*[a-z0-9]$`, no length limit in the schema. */
export const productFolder = fc.oneof(
  { weight: 6, arbitrary: hyphenated(2, 40) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,60}[a-z0-9]$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{60,120}[a-z0-9]$/) },
);

/** snake_case schema object and field names (config/common.ts snakeName, up to 128). */
export const snake = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...WORDS.filter((w) => /^[a-z]/.test(w))), { minLength: 1, maxLength: 4 }).map((ws) => ws.join("_")) },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,30}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{100,127}$/) },
);
export const portName = snake;

/** Prefixes mesh.yaml refuses because AWS reserves the names they would start (alias/aws/…, sthree-…). */
export const RESERVED_PREFIXES = ["aws", "sthree"];

/** mesh.yaml prefix: 2-12 lowercase letters or digits, starting with a letter, not reserved. */
export const meshPrefix = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("fx", "acme", "shopwave", "dm", "xn", "amzn", "sthree1", "awsx", "s3", "datamesh1234") },
  { weight: 3, arbitrary: fc.stringMatching(/^[a-z][a-z0-9]{1,11}$/) },
).filter((p) => !RESERVED_PREFIXES.includes(p));

export const REGIONS = ["eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-2", "ca-central-1", "me-south-1", "il-central-1", "us-gov-west-1", "sa-east-1"] as const;
export const awsRegion = fc.constantFrom(...REGIONS);
export const ACCOUNTS = ["111111111111", "222222222222", "333333333333", "012345678901"] as const;
export const awsAccount = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ACCOUNTS) }, { weight: 1, arbitrary: fc.stringMatching(/^\d{12}$/) });

/** Emails zod's z.email() accepts (no dots in the local part, to keep clear of its `..` rule). */
export const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9_+-]{0,20}$/), fc.constantFrom("example.com", "example.org", "data.example.io", "corp-1.example.com"))
  .map(([local, host]) => `${local}@${host}`);

/** Free text: sentences, unicode, quotes and YAML-significant characters, sometimes very long. */
export const prose = (min: number) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.lorem({ maxCount: 12 }) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 120 }) },
    { weight: 1, arbitrary: fc.constantFrom("Orders: one row per order # not a comment", "\"quoted\" and 'single' — ünïcødé ✓", "key: value\n- list item\n", "yes", "null", "0x1F", "2026-01-31", "&anchor *alias !tag", "multi\nline\ntext") },
    { weight: 1, arbitrary: fc.string({ minLength: 500, maxLength: 3000 }) },
  // zod counts code points, not UTF-16 units.
  ).map((s) => ([...s].length >= min ? s : `${s} ${"description ".repeat(Math.ceil(min / 12))}`.trim()));

/** A pinned container image (tag or digest), as product.yaml and mesh.yaml require. */
export const pinnedImage = fc
  .tuple(
    fc.constantFrom("registry.example.com", "123456789012.dkr.ecr.eu-west-1.amazonaws.com", "ghcr.io", "localhost:5000"),
    fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/), { minLength: 1, maxLength: 3 }),
    fc.oneof(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/).filter((t) => t !== "latest").map((t) => `:${t}`), fc.stringMatching(/^[a-f0-9]{64}$/).map((d) => `@sha256:${d}`)),
  )
  .map(([registry, path, ref]) => `${registry}/${path.join("/")}${ref}`);

/** A five-field cron expression or a macro that config/common.ts accepts. */
export const cron = fc.oneof(
  fc.constantFrom("@hourly", "@daily", "@weekly", "@monthly", "@yearly", "@midnight", "*/15 * * * *", "0 * * * *", "30 2 * * 1-5", "0,30 */2 1-15 * *"),
  // Each field within its range (minute 0-59, hour 0-23, day 1-28, month 1-12, weekday 0-6), steps 1..max.
  fc.tuple(...([[0, 59], [0, 23], [1, 28], [1, 12], [0, 6]] as const).map(([min, max]) => fc.oneof(fc.constant("*"), fc.integer({ min, max }).map(String), fc.integer({ min: 1, max: Math.max(1, max) }).map((n) => `*/${n}`)))).map((f) => f.join(" ")),
);

/** A date after any run of this suite (waiver expiry, approval dates). */
export const futureDate = fc.record({ y: fc.integer({ min: 2090, max: 2199 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
export const pastDate = fc.record({ y: fc.integer({ min: 2015, max: 2025 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
