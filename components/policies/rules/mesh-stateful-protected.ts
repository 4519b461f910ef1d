import { domainOf } from "../helpers/mesh";
import { STATEFUL_TYPES, T } from "../helpers/types";
import type { Rule } from "../types";

/**
 * Stateful resources are protected and retained: always in production and the platform, and elsewhere unless the
 * domain's double opt-in to destroy is given (which clears both flags together).
 */
export const meshStatefulProtected: Rule = {
  id: "mesh-stateful-protected",
  title: "Stateful resources are protected and retained",
  severity: "mandatory",
  standards: [
    { framework: "Mesh", control: "Double opt-in to destroy" },
    { framework: "AWS FSBP", control: "KMS.3" },
  ],
  description: "A bucket, key, catalog entry, topic, log group, workgroup or the audit trail deleted by a refactoring loses data or audit evidence for good; protect stops the delete, retainOnDelete keeps the cloud resource if the stack lets go of it.",
  fix: "Declare the resource under a blueprint component, which protects every type of the data-resources list; opt in to destroy only in non-production domain.yaml plus the CLI flag.",
  resourceTypes: STATEFUL_TYPES,
  check(resource, stack) {
    const problems: string[] = [];
    const domain = domainOf(resource, stack);
    const mayDestroy = domain !== undefined && domain.inputs.production === false;
    if (!mayDestroy && !resource.protect) problems.push(`is not protected in ${domain ? "production" : "a platform or unowned stack"}`);
    // retainOnDelete is unknown to the policy pack (the engine does not send it); judge it only when known.
    if (resource.retainOnDelete !== undefined && resource.retainOnDelete !== resource.protect) problems.push(`protect (${resource.protect}) and retainOnDelete (${resource.retainOnDelete}) disagree`);
    if (resource.type === T.bucket && resource.inputs.forceDestroy === true) problems.push("sets forceDestroy, which deletes every object with the bucket");
    return problems;
  },
};
