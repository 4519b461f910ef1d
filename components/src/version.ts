import pkg from "../package.json";

/** The blueprint's semantic version: tagged on every resource and matched against each domain's `blueprint` range. */
export const BLUEPRINT_VERSION: string = pkg.version;
