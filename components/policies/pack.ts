// Entry module of the real policy pack: constructing a PolicyPack starts the analyzer's gRPC server and prints its
// port, so nothing else may import this file. Run it with `pulumi preview --policy-pack components/policies`.
import { PolicyPack } from "@pulumi/policy";
import { packPolicies } from "./pack-policies";

new PolicyPack("data-mesh", { policies: packPolicies() });
