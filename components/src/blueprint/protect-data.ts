import type * as pulumi from "@pulumi/pulumi";
import { holdsData } from "./data-resources";

/**
 * A transformation for a component's options: every resource under the component whose type holds data or audit
 * evidence (DATA_RESOURCES) is protected and retained on delete, both cleared together only when the stack's double
 * opt-in to destroy is given. Set once on Domain, DataProduct and Platform, so a resource a piece of the blueprint
 * adds is protected by its type, not by remembering a flag at each call.
 */
export function protectDataResources(destroyAllowed: boolean): pulumi.ResourceTransformation {
  return ({ type, props, opts }) => (holdsData(type) ? { props, opts: { ...opts, protect: !destroyAllowed, retainOnDelete: !destroyAllowed } } : undefined);
}

/** `opts` with the data-protection transformation added after the caller's own. */
export function withDataProtection<T extends pulumi.ComponentResourceOptions>(opts: T | undefined, destroyAllowed: boolean): T {
  return { ...(opts ?? ({} as T)), transformations: [...(opts?.transformations ?? []), protectDataResources(destroyAllowed)] };
}
