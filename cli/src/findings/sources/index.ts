import type { FindingSource } from "../model";
import { accessChangeFindings } from "../../contract-evolution/access";
import { contractChangeFindings } from "../../contract-evolution/source";
import { dataLossFindings } from "./data-loss";
import { governanceFindings } from "./governance";
import { reservedWordFindings } from "./reserved-words";
import { versionSourceFindings } from "./versions";

/**
 * Every source of plan findings. To add a concern (contract changes, deprecations, region moves…), write a
 * FindingSource in its own file and list it here; the gate and the reports need no change.
 */
export const FINDING_SOURCES: readonly FindingSource[] = [governanceFindings, dataLossFindings, contractChangeFindings, accessChangeFindings, versionSourceFindings, reservedWordFindings];
