import { reservedFieldMessage, reservedFields } from "@data-mesh/components/src/contract/reserved-words";
import { domainOwner, type FindingSource, type PlanFinding } from "../model";

/**
 * A field named after an Athena reserved keyword (`select`, `date`, `end`…) is served (the Glue table is created
 * through the API and the platform's generated queries quote every identifier) but every consumer's hand-written
 * query must escape it: a warning to the producer, never a block.
 */
export const reservedWordFindings: FindingSource = ({ mesh }) =>
  mesh.domains.flatMap((d) =>
    d.products.flatMap((p) =>
      reservedFields(p.contract).map(
        (f): PlanFinding => ({
          level: "warning",
          kind: "reserved-word",
          rule: "athena-reserved-word",
          owner: domainOwner(mesh, d.name, p.name),
          subject: { contract: `${d.name}/${p.name}/${f.port}@${p.contract.major}`, path: `schema "${f.port}" › property "${f.field}"` },
          reason: reservedFieldMessage(f),
          action: "rename the field in the next major if you can; otherwise say in the contract's description.usage that it must be quoted",
        }),
      ),
    ),
  );
