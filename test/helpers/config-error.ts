import { ConfigError } from "../../components/src/config/errors";
import { loadMesh } from "../../components/src/config/load-mesh";
import { copyMesh } from "./fixture";

/** The ConfigError loading the mesh at `root` must raise; the test fails if it loads, or throws anything else. */
export function configErrorOf(root: string): ConfigError {
  try {
    loadMesh(root);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw new Error(`expected a ConfigError, got ${(e as Error).name}: ${(e as Error).message}`);
  }
  throw new Error("expected a ConfigError, but the mesh loaded");
}

/** Loads a copy of the fixture mesh broken by `edit`, and returns the ConfigError it must raise. */
export function configErrorAfter(edit: (root: string) => void): ConfigError {
  const root = copyMesh();
  edit(root);
  return configErrorOf(root);
}
