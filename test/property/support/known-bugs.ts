/**
 * Shapes of input that hit a bug found by this suite and reported to the component owners. Generators steer
 * around exactly these shapes so the suite stays green; each predicate names its bug. Delete a predicate (and
 * its uses) when the bug is fixed: the property then covers the shape again.
 */

/** Hyphen runs collapse in every physical name, so `a--b` and `a-b` name the same things. */
export function collapse(s: string): string {
  return s.replace(/-{2,}/g, "-");
}

/**
 * BUG cross-env-collision: loadMesh (config/load-mesh.ts checkNameCollisions) now refuses bucket and role names
 * that collide across domains of one environment, but it checks each environment on its own and leaves out the
 * platform stack's names: environment `a` domain `b-c` product `p` and environment `a-b` domain `c` product `p`
 * both get the bucket `<prefix>-a-b-c-p` (S3 names are global), and a domain whose `<env>-<domain>` starts with
 * `<env>-platform` or `<env>-access-logs` can take a platform bucket's name. Both fail at deploy time.
 * The shape: two stacks of different environments (or a domain stack and the platform's names
 * `<env>-platform`, `<env>-access-logs`) whose `<env>-<domain>` (collapsed) is equal to or a hyphen-prefix of the other's.
 */
export function crossEnvCollision(stacks: readonly { env: string; domain: string }[]): boolean {
  const all = [
    ...stacks.map((s) => ({ env: s.env, k: collapse(`${s.env}-${s.domain}`), platform: false })),
    ...[...new Set(stacks.map((s) => s.env))].flatMap((e) => [collapse(`${e}-platform`), collapse(`${e}-access-logs`)].map((k) => ({ env: e, k, platform: true }))),
  ];
  for (let i = 0; i < all.length; i++) {
    for (let j = 0; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      if (i === j || (a.platform && b.platform)) continue;
      // Two domain stacks of one environment are checked by loadMesh now (a ConfigError, see mesh-arbitrary.ts).
      if (!a.platform && !b.platform && a.env === b.env) continue;
      if (a.k === b.k || b.k.startsWith(`${a.k}-`)) return true;
    }
  }
  return false;
}

