import { rmSync } from "node:fs";
import { copyCode, editCode } from "../../helpers/code-copy";
import { REPO } from "../../helpers/fixture";

/**
 * Versions of the platform's code that a plan's out/.cache may see one after another, as a platform engineer
 * edits the blueprint between two plans. Variant 0 is the code as committed; the others are temporary copies with
 * one edit each: a parser default (the exact bug of issue 8), a component, and the price table.
 */
export interface CodeVariant {
  name: string;
  /** Repository root of this version of the code. */
  dir: string;
}

const EDITS: { name: string; file: string; from: string; to: string }[] = [
  {
    name: "product.ts: default pipeline CPU 750m",
    file: "components/src/config/product.ts",
    from: 'resourcesSchema.default({ cpu: "500m", memory: "1Gi" })',
    to: 'resourcesSchema.default({ cpu: "750m", memory: "1Gi" })',
  },
  {
    name: "tags.ts: the env tag says env-<name>",
    file: "components/src/blueprint/tags.ts",
    from: "[TAG_KEYS.env]: base.env,",
    to: "[TAG_KEYS.env]: `env-${base.env}`,",
  },
  {
    name: "prices.ts: a KMS key costs $1.25",
    file: "components/src/pricing/prices.ts",
    from: "monthlyUsd: 1.0,",
    to: "monthlyUsd: 1.25,",
  },
];

/** The committed code and `count - 1` edited copies (at most 3); `cleanup` removes the copies. */
export function codeVariants(count = EDITS.length + 1): { variants: CodeVariant[]; cleanup(): void } {
  const variants: CodeVariant[] = [{ name: "as committed", dir: REPO }];
  for (const edit of EDITS.slice(0, count - 1)) {
    const dir = copyCode();
    editCode(dir, edit.file, edit.from, edit.to);
    variants.push({ name: edit.name, dir });
  }
  return { variants, cleanup: () => variants.slice(1).forEach((v) => rmSync(v.dir, { recursive: true, force: true })) };
}
