/** Lineage of a mesh: product → port@major → consumer, cycle detection, and views for one product. */
export { buildLineage, portId, productId } from "./graph";
export type { LineageEdge, LineageGraph, LineageNode, PortNode, ProductNode } from "./graph";
export { findProductCycle } from "./cycles";
export { directReadsOf, lineageOf, renderLineageMermaid, renderLineageText } from "./views";
export type { LineageView } from "./views";
