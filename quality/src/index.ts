export * from "./model";
export * from "./threshold";
export * from "./dialect";
export * from "./compile";
export * from "./judge";
export * from "./render";
