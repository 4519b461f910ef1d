import type { FindingSource } from "../model";
import { contractChangeFindings } from "../../contract-evolution/source";
import { dataLossFindings } from "./data-loss";
import { governanceFindings } from "./governance";
import { versionSourceFindings } from "./versions";

/**
 * Every source of plan findings. To add a concern (contract changes, deprecations, region moves…), write a
 * FindingSource in its own file and list it here; the gate and the reports need no change.
 */
export const FINDING_SOURCES: readonly FindingSource[] = [governanceFindings, dataLossFindings, contractChangeFindings, versionSourceFindings];
