import { isMap, isSeq, parseDocument, type Document, YAMLSeq } from "yaml";
import { ConfigError } from "@data-mesh/components/src/config/errors";

function load(text: string, file: string): Document {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new ConfigError(file, "", `invalid YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
  if (!isMap(doc.contents)) throw new ConfigError(file, "", "must be a mapping of product settings");
  return doc;
}

/** Appends `item` to the list at `path`, creating it when absent; an empty `[]` becomes a block list. */
function append(doc: Document, path: string[], item: Record<string, unknown>, file: string): void {
  let seq = doc.getIn(path, true);
  if (seq === undefined || seq === null) {
    doc.setIn(path, doc.createNode([]));
    seq = doc.getIn(path, true);
  }
  if (!isSeq(seq)) throw new ConfigError(file, path.join("."), "must be a list");
  (seq as YAMLSeq).flow = false;
  (seq as YAMLSeq).add(doc.createNode(item));
}

/** The `from` of each input already declared (without the major: one input per port). */
export function declaredInputs(text: string, file: string): string[] {
  const inputs = load(text, file).toJS()?.inputs;
  return Array.isArray(inputs) ? inputs.map((i: { from?: string }) => String(i?.from ?? "").replace(/@\d+$/, "")) : [];
}

/** product.yaml text with one more input; comments and layout of the rest are kept (yaml Document API). */
export function addInput(text: string, file: string, input: { from: string; fields: string[]; purpose: string }): string {
  const doc = load(text, file);
  const fields = doc.createNode(input.fields);
  (fields as YAMLSeq).flow = true;
  append(doc, ["inputs"], { from: input.from, fields, purpose: input.purpose }, file);
  return doc.toString({ flowCollectionPadding: false });
}

/** product.yaml text with one more approval under access.approvals. */
export function addApproval(text: string, file: string, approval: { consumer: string; approvedBy: string; date: string; ticket?: string }): string {
  const doc = load(text, file);
  const item: Record<string, unknown> = { consumer: approval.consumer, approvedBy: approval.approvedBy, date: approval.date };
  if (approval.ticket) item.ticket = approval.ticket;
  append(doc, ["access", "approvals"], item, file);
  return doc.toString({ flowCollectionPadding: false });
}
