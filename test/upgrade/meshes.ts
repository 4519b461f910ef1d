/** The example meshes whose manifests are kept as the golden plan of each released blueprint. */
export const EXAMPLE_MESHES = [
  { name: "ecommerce", root: "." },
  { name: "investment-bank", root: "examples/investment-bank" },
  { name: "healthcare", root: "examples/healthcare" },
] as const;

/** The blueprint release the golden manifests were planned with (components/CHANGELOG.md). */
export const GOLDEN_RELEASE = "1.0.0";
