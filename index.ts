// The Pulumi program of every stack: `mesh:domain` and `mesh:env` in stacks/Pulumi.<stack>.yaml pick the domain.
import { runMeshStack } from "@data-mesh/components";

export = runMeshStack();
