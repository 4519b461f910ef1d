import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../components/src/config/errors";
import type { MeshModel } from "../../components/src/config/model";
import { checkNameCollisions } from "../../components/src/config/name-collisions";
import { checkProperty, runs } from "./support/fuzz";
import type { GenMesh } from "./support/mesh-model";
import { referenceCollisions } from "./support/name-oracle";

// The mesh-wide name check against the reference of name-oracle.ts, over many small meshes built from words that
// make names meet (env `dev` + domain `eu-sales` next to env `dev-eu` + domain `sales`, a domain named like the
// platform's access-log bucket, two environments on one EKS cluster or in one account): the check refuses a mesh
// exactly when the reference finds two owners of one physical name, in any environments, and names that name and
// the file of one of its owners. Every accepted mesh is a mesh without a collision. In memory, without files, so
// it runs many cases; config.property.ts does the same through loadMesh and files.

const ACCOUNTS = ["111111111111", "222222222222"];
const REGIONS = ["eu-west-1", "us-east-1"];
const ISSUERS = ["oidc.eks.eu-west-1.amazonaws.com/id/AAAA0000", "oidc.eks.eu-west-1.amazonaws.com/id/BBBB1111"];
const ENVS = ["dev", "dev-eu", "eu", "eu-dev", "dev-eu-sales", "x"];
const DOMAINS = ["sales", "eu-sales", "eu", "sales-eu", "dev", "orders", "sales-orders", "eu-sales-orders", "access-logs-111111111111-eu", "access-logs", "x-dev", "dev-sales"];
const PRODUCTS = ["orders", "sales-orders", "eu-orders", "west-1", "query-results", "catalog", "boundary", "alerts", "orders-eu", "eu"];

interface Small {
  prefix: string;
  envs: { name: string; account: string; region: string; issuer?: string }[];
  domains: { name: string; envs: { env: string; account: string; region: string; kubernetes: boolean }[]; products: string[] }[];
}

const place = fc.record({ account: fc.constantFrom(...ACCOUNTS), region: fc.constantFrom(...REGIONS) });
const words: fc.Arbitrary<Small> = fc
  .record({
    prefix: fc.constantFrom("fx", "acme"),
    envs: fc.uniqueArray(fc.record({ name: fc.constantFrom(...ENVS), place, issuer: fc.option(fc.constantFrom(...ISSUERS), { nil: undefined }) }), { minLength: 1, maxLength: 3, selector: (e) => e.name }),
    domains: fc.uniqueArray(fc.record({ name: fc.constantFrom(...DOMAINS), products: fc.uniqueArray(fc.constantFrom(...PRODUCTS), { maxLength: 3 }), picks: fc.array(fc.record({ place, kubernetes: fc.boolean() }), { minLength: 3, maxLength: 3 }), mask: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }) }), { minLength: 1, maxLength: 4, selector: (d) => d.name }),
  })
  .map(({ prefix, envs, domains }) => ({
    prefix,
    envs: envs.map((e) => ({ name: e.name, ...e.place, issuer: e.issuer })),
    domains: domains.map((d) => ({
      name: d.name,
      products: d.products,
      envs: envs.flatMap((e, i) => (d.mask[i] || i === 0 ? [{ env: e.name, ...d.picks[i]!.place, kubernetes: d.picks[i]!.kubernetes && e.issuer !== undefined }] : [])),
    })),
  }));

/**
 * Half the meshes get a twin of one of their domain stacks in another environment: for env `e` and domain `w-rest`
 * an environment `e-w` with a domain `rest` (its own place and products), whose names may meet the first's.
 */
const smallMesh: fc.Arbitrary<Small> = fc.tuple(words, fc.boolean(), fc.nat(), place, fc.uniqueArray(fc.constantFrom(...PRODUCTS), { maxLength: 2 })).map(([s, twin, n, where, products]) => {
  const candidates = s.domains.flatMap((d) => d.envs.map((e) => ({ env: e.env, domain: d.name }))).filter((c) => c.domain.includes("-"));
  if (!twin || candidates.length === 0) return s;
  const { env, domain } = candidates[n % candidates.length]!;
  const [word, ...rest] = domain.split("-");
  const twinEnv = `${env}-${word}`;
  const twinDomain = rest.join("-");
  if (s.envs.some((e) => e.name === twinEnv) || s.domains.some((d) => d.name === twinDomain)) return s;
  return {
    ...s,
    envs: [...s.envs, { name: twinEnv, ...where }],
    domains: [...s.domains, { name: twinDomain, products, envs: [{ env: twinEnv, ...where, kubernetes: false }] }],
  };
});

/** The mesh as the generator's documents, for the reference. */
function asGen(s: Small): GenMesh {
  return {
    mesh: { prefix: s.prefix, environments: Object.fromEntries(s.envs.map((e) => [e.name, { account: e.account, region: e.region, ...(e.issuer ? { eksOidcIssuer: e.issuer } : {}) }])) },
    domains: s.domains.map((d) => ({
      folder: d.name,
      domain: { environments: Object.fromEntries(d.envs.map((e) => [e.env, { account: e.account, region: e.region, kubernetes: e.kubernetes }])) },
      products: d.products.map((p) => ({ folder: p, product: {}, contract: {} })),
    })),
  };
}

/**
 * The mesh as the loaded model, with only what names depend on. Each product gets its own port name, so Glue
 * tables (unique per database) never meet: the reference leaves them to config.property.ts.
 */
function asModel(s: Small): MeshModel {
  let port = 0;
  return {
    root: "",
    config: { prefix: s.prefix, environments: Object.fromEntries(s.envs.map((e) => [e.name, { account: e.account, region: e.region, production: false, eksOidcIssuer: e.issuer }])) },
    domains: s.domains.map((d) => ({
      name: d.name,
      dir: `domains/${d.name}`,
      config: { environments: Object.fromEntries(d.envs.map((e) => [e.env, { account: e.account, region: e.region, kubernetes: e.kubernetes }])) },
      products: d.products.map((p) => ({ name: p, domain: d.name, dir: `domains/${d.name}/products/${p}`, config: { outputPorts: [`port_${port++}`] }, contract: { major: 1 }, olderMajors: [], consumers: [], unservedReads: [] })),
    })),
  } as unknown as MeshModel;
}

const seen = { accepted: 0, refused: 0, acrossEnvironments: 0 };
afterAll(() => console.log(`collisions: ${seen.accepted} meshes accepted, ${seen.refused} refused (${seen.acrossEnvironments} of them with owners in two environments)`));

describe("mesh-wide physical names", () => {
  it("are refused exactly when two owners of any environments would share one, naming the name and an owner's file", async () => {
    await checkProperty("collisions/mesh-wide", fc.property(smallMesh, (s) => {
      const collisions = referenceCollisions(asGen(s));
      let error: ConfigError | undefined;
      try {
        checkNameCollisions(asModel(s));
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        error = e;
      }
      const story = `reference: ${collisions.map((c) => `${c.name} of ${c.owners.join(" and ")}`).join("; ") || "no collision"}; check: ${error?.message ?? "accepted"}`;
      if (collisions.length === 0) {
        expect(error, story).toBeUndefined();
        seen.accepted++;
        return;
      }
      expect(error, story).toBeDefined();
      const named = /would both be named (\S+) \(/.exec(error!.problem)?.[1];
      const match = collisions.find((c) => c.name === named);
      expect(match, story).toBeDefined();
      expect(match!.files, story).toContain(error!.file);
      seen.refused++;
      if (collisions.some((c) => new Set(c.owners.map((o) => o.split(":")[0])).size > 1)) seen.acrossEnvironments++;
    }), runs(10_000));
    // Both outcomes, and collisions across environments among the refusals.
    expect(seen.accepted).toBeGreaterThan(1000);
    expect(seen.acrossEnvironments).toBeGreaterThan(100);
  });
});
