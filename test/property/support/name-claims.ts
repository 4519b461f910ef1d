import { nameProblem } from "../../../components/src/naming/build";
import type { NameKind } from "../../../components/src/naming/limits";

/**
 * Collects the physical names of a plan and reports the ones a service would refuse: invalid for the service's
 * rules, or already taken in the namespace the service keeps names unique in (an account, a region, a Glue
 * database, a Kubernetes namespace, or all of S3).
 */
export class NameClaims {
  private readonly owners = new Map<string, string>();
  readonly problems: string[] = [];
  count = 0;

  /** Why `name` is not a valid name of `kind`, without claiming it (for names a resource refers to). */
  problemOf(kind: NameKind, name: string): string | undefined {
    return nameProblem(kind, name);
  }

  /** `scope` is where the name must be unique (e.g. the account for IAM roles); `owner` says who uses it. */
  claim(kind: NameKind, scope: string, name: unknown, owner: string): void {
    this.count++;
    if (typeof name !== "string") {
      this.problems.push(`${owner}: ${kind} name is ${JSON.stringify(name)}, not a string`);
      return;
    }
    const problem = nameProblem(kind, name);
    if (problem) this.problems.push(`${owner}: ${kind} "${name}" is invalid (${problem})`);
    const key = `${kind}|${scope}|${name}`;
    const other = this.owners.get(key);
    if (other !== undefined && other !== owner) this.problems.push(`${kind} "${name}" in ${scope || "the partition"} is used by both ${other} and ${owner}`);
    else this.owners.set(key, owner);
  }
}
