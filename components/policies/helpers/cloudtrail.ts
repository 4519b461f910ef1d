import type { PolicyResource } from "../types";
import { list } from "./values";

interface FieldSelector {
  field: string;
  equals?: string[];
  notEquals?: string[];
  startsWiths?: string[];
}

/**
 * Whether a trail records S3 object-level events of the given kind (read or write), from its advanced event
 * selectors (eventCategory Data, resources.type AWS::S3::Object, readOnly absent or matching) or its basic
 * event selectors (a data resource of type AWS::S3::Object and a matching readWriteType).
 */
export function logsS3ObjectEvents(trail: PolicyResource, kind: "read" | "write"): boolean {
  const readOnly = kind === "read" ? "true" : "false";
  const advanced = list(trail.inputs.advancedEventSelectors as { fieldSelectors?: FieldSelector[] }[] | undefined).some((selector) => {
    const fields = list(selector.fieldSelectors);
    const field = (name: string) => fields.find((f) => f.field === name);
    const readOnlyField = field("readOnly");
    return list(field("eventCategory")?.equals).includes("Data")
      && list(field("resources.type")?.equals).includes("AWS::S3::Object")
      && (!readOnlyField || list(readOnlyField.equals).includes(readOnly) || (readOnlyField.notEquals !== undefined && !list(readOnlyField.notEquals).includes(readOnly)));
  });
  const basic = list(trail.inputs.eventSelectors as { readWriteType?: string; dataResources?: { type?: string }[] }[] | undefined).some((selector) =>
    list(selector.dataResources).some((d) => d.type === "AWS::S3::Object")
    && [undefined, "All", kind === "read" ? "ReadOnly" : "WriteOnly"].includes(selector.readWriteType));
  return advanced || basic;
}
