import { resolve } from "node:path";
import { loadMesh } from "@data-mesh/components/src/config/load-mesh";
import type { MeshModel } from "@data-mesh/components/src/config/model";
import { readPlanFacts } from "../catalog/facts";
import { buildCatalog, type PlanFacts } from "../catalog/model";
import { writeSite } from "../catalog/write-site";
import { assertOutFolder } from "../plan/write";

export interface CatalogOptions {
  root: string;
  out: string;
}

/** Writes the catalog site of a validated mesh to `<out>/catalog/`; used by `mesh catalog` and `mesh plan`. */
export function writeCatalog(mesh: MeshModel, out: string, facts: PlanFacts | undefined): { dir: string; pages: number } {
  assertOutFolder(out);
  const dir = resolve(out, "catalog");
  const { pages } = writeSite(buildCatalog(mesh, facts), dir);
  return { dir, pages };
}

/** `mesh catalog`: the site from the mesh files and the last plan's costs and findings (never re-plans). */
export function catalog(o: CatalogOptions): string {
  const mesh = loadMesh(resolve(o.root));
  const facts = readPlanFacts(o.root, o.out);
  const { dir, pages } = writeCatalog(mesh, o.out, facts);
  return [
    `Catalog: ${pages} pages in ${dir} (open ${resolve(dir, "index.html")})`,
    ...(facts ? [] : [`No plan of this mesh in ${resolve(o.out, "plan")}: costs and governance findings are left out (run mesh plan first).`]),
  ].join("\n");
}
