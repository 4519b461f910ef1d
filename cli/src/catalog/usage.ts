import { usageQueriesFor } from "@data-mesh/components/src/aws/usage-queries";
import type { Names } from "@data-mesh/components/src/naming/names";

/** The named usage queries the blueprint saves for a product in one environment (same list, same names). */
export function usageQueryNames(names: Names, product: string, platformHome: boolean): { name: string; answers: string }[] {
  return usageQueriesFor(platformHome).map((q) => ({ name: names.usageQuery(product, q.what), answers: q.answers }));
}
