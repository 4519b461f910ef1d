import { renameSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nameProblem } from "../../components/src/naming/build";
import { copyMesh, setYaml } from "../helpers/fixture";
import { recordingRuntime, settle } from "../helpers/mock-runtime";

describe("a domain and environment with the longest names allowed", () => {
  it("gives every Kubernetes object a valid name of its own", async () => {
    const root = copyMesh();
    const domain = "customer-relationship-analytics-platform";
    const env = "integration-testing-environment-eu-one";
    renameSync(join(root, "domains", "analytics"), join(root, "domains", domain));
    setYaml(root, `domains/${domain}/domain.yaml`, ["name"], domain);
    setYaml(root, `domains/${domain}/domain.yaml`, ["environments"], { [env]: { region: "eu-west-1", account: "111111111111", kubernetes: true } });
    setYaml(root, `domains/${domain}/products/churn/contract.odcs.yaml`, ["domain"], domain);
    setYaml(root, `domains/${domain}/products/churn/product.yaml`, ["inputs"], []);
    setYaml(root, "mesh.yaml", ["environments", env], { region: "eu-west-1", account: "111111111111", eksOidcIssuer: "oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789ABCDEF0123456789", eksCluster: "long-names" });

    const monitor = recordingRuntime(`${domain}-${env}`);
    const { loadMesh, resolveDomainStack, Domain } = await import("../../components/src");
    new Domain(domain, { spec: resolveDomainStack(loadMesh(root), domain, env) });
    await settle();
    const k8s = monitor.resources.filter((r) => r.type.startsWith("kubernetes:"));
    const byKind = new Map<string, string[]>();
    expect(k8s.length).toBeGreaterThan(0);
    for (const r of k8s) {
      const name = (r.inputs.metadata as { name: string }).name;
      expect(nameProblem(r.type === "kubernetes:batch/v1:CronJob" ? "k8sCronJob" : "k8sName", name), `${r.type} ${name}`).toBeUndefined();
      byKind.set(r.type, [...(byKind.get(r.type) ?? []), name]);
    }
    for (const [kind, names] of byKind) expect(new Set(names).size, kind).toBe(names.length);
    expect(byKind.get("kubernetes:networking.k8s.io/v1:NetworkPolicy")).toHaveLength(2);
  });
});
