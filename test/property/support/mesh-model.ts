/** A generated mesh root as documents, before it is written as YAML files (see mesh-files.ts). */
export type Doc = Record<string, unknown>;

export interface GenProduct {
  /** Folder name under domains/<domain>/products/. */
  folder: string;
  product: Doc;
  contract: Doc;
}

export interface GenDomain {
  /** Folder name under domains/. */
  folder: string;
  domain: Doc;
  products: GenProduct[];
}

export interface GenMesh {
  mesh: Doc;
  domains: GenDomain[];
}

/** Relative path → file text; `null` is an (empty) directory. */
export type MeshFiles = Record<string, string | null>;

/** Deep copy of plain YAML-able data. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}
