import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadMesh } from "../../components/src/config/load-mesh";
import { resolveDomainStack } from "../../components/src/blueprint/resolve";
import { mesh } from "../helpers/cli";
import { copyMesh, MINI, setYaml } from "../helpers/fixture";
import { configErrorAfter as errorOf } from "../helpers/config-error";
import { ConfigErrors } from "../../components/src/config/errors";


describe("mesh.yaml deployerRoles and breakGlassRoles", () => {
  it("gives each domain stack the roles of its own account", () => {
    const clinic = resolveDomainStack(loadMesh(MINI), "clinic", "dev");
    expect(clinic.perimeterRoles).toEqual({
      deployers: ["arn:aws:iam::111111111111:role/datamesh-platform-deployer"],
      breakGlass: ["arn:aws:iam::111111111111:role/datamesh-break-glass"],
    });
    expect(clinic.products.map((p) => p.perimeter)).toEqual([true]);
    // sales is GDPR with a confidential product: outside the perimeter.
    expect(resolveDomainStack(loadMesh(MINI), "sales", "dev").products.map((p) => p.perimeter)).toEqual([false]);
  });

  it.each([
    ["deployerRoles", "arn:aws:iam::111111111111:user/alice", "must be the ARN of an IAM role such as arn:aws:iam::111111111111:role/datamesh-platform-deployer"],
    ["breakGlassRoles", "datamesh-break-glass", "must be the ARN of an IAM role"],
    ["deployerRoles", "arn:aws:iam::1111:role/deployer", "must be the ARN of an IAM role"],
  ])("refuses %s entry %s, naming the file, the field and a valid form", (field, value, problem) => {
    const e = errorOf((r) => setYaml(r, "mesh.yaml", [field, 0], value));
    expect([e.file, e.field]).toEqual(["mesh.yaml", `${field}[0]`]);
    expect(e.problem).toContain(problem);
  });

  it.each([
    ["deployerRoles", /names no role in account 111111111111, where clinic\/visits \(dev, domain compliance hipaa\) is inside the data perimeter; add the ARN of the role that deploys there, such as arn:aws:iam::111111111111:role\/datamesh-platform-deployer/],
    ["breakGlassRoles", /names no role in account 111111111111, where clinic\/visits \(dev, domain compliance hipaa\) is inside the data perimeter; add the ARN of the emergency-access role there/],
  ])("requires %s in every account that holds data inside the perimeter", (field, message) => {
    const e = errorOf((r) => setYaml(r, "mesh.yaml", [field], ["arn:aws:iam::222222222222:role/elsewhere"]));
    expect([e.file, e.field]).toEqual(["mesh.yaml", field]);
    expect(e.problem).toMatch(message);
  });

  it("asks for the roles as soon as a product is classified restricted, and for none when nothing needs a perimeter", () => {
    const root = copyMesh();
    setYaml(root, "mesh.yaml", ["deployerRoles"], undefined);
    setYaml(root, "mesh.yaml", ["breakGlassRoles"], undefined);
    setYaml(root, "domains/clinic/domain.yaml", ["compliance"], []);
    // visits is still classified restricted (it holds PHI): a perimeter is needed, so the roles are.
    expect(() => loadMesh(root)).toThrow(/mesh\.yaml: deployerRoles: names no role in account 111111111111, where clinic\/visits \(dev, classified restricted\)/);
    const noClinic = copyMesh();
    setYaml(noClinic, "mesh.yaml", ["deployerRoles"], undefined);
    setYaml(noClinic, "mesh.yaml", ["breakGlassRoles"], undefined);
    setYaml(noClinic, "domains/analytics/products/churn/product.yaml", ["inputs"], []);
    rmSync(join(noClinic, "domains", "clinic"), { recursive: true });
    rmSync(join(noClinic, "stacks", "Pulumi.clinic-dev.yaml"), { force: true });
    expect(() => loadMesh(noClinic)).not.toThrow();
  });

  it("mesh validate prints one line naming mesh.yaml and the field, exit 2, no stack trace", () => {
    const root = copyMesh();
    setYaml(root, "mesh.yaml", ["deployerRoles"], []);
    const run = mesh(["validate", "--root", root]);
    expect(run.status).toBe(2);
    expect(run.stderr + run.stdout).toMatch(/mesh\.yaml: deployerRoles: names no role in account 111111111111/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
  it("reports every missing role in one run: two fields × two accounts are four errors, and mesh validate prints all four", () => {
    const root = copyMesh();
    setYaml(root, "mesh.yaml", ["deployerRoles"], undefined);
    setYaml(root, "mesh.yaml", ["breakGlassRoles"], undefined);
    setYaml(root, "domains/clinic/domain.yaml", ["environments", "prod"], { region: "eu-west-1", account: "222222222222" });
    let thrown: unknown;
    try {
      loadMesh(root);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ConfigErrors);
    expect((thrown as ConfigErrors).errors.map((e) => `${e.field} ${e.problem.match(/account (\d+)/)?.[1]}`)).toEqual([
      "deployerRoles 111111111111",
      "deployerRoles 222222222222",
      "breakGlassRoles 111111111111",
      "breakGlassRoles 222222222222",
    ]);
    const run = mesh(["validate", "--root", root]);
    expect(run.status).toBe(2);
    expect((run.stderr + run.stdout).match(/mesh\.yaml: (deployerRoles|breakGlassRoles): names no role in account/g)).toHaveLength(4);
  });

  it("refuses a role ARN in a partition other than its environment's region's (aws for eu-west-1), naming field, ARN and partition", () => {
    const e = errorOf((r) => setYaml(r, "mesh.yaml", ["breakGlassRoles", 0], "arn:aws-cn:iam::111111111111:role/x"));
    expect([e.file, e.field]).toEqual(["mesh.yaml", "breakGlassRoles[0]"]);
    expect(e.problem).toContain("arn:aws-cn:iam::111111111111:role/x is in partition aws-cn, but account 111111111111 deploys to partition aws");
    expect(e.problem).toContain("write arn:aws:iam::111111111111:role/x");
  });

  it.each([
    ["deployerRoles", "arn:aws:iam::111111111111:user/alice", "is an IAM user, not a role", "role/datamesh-platform-deployer"],
    ["breakGlassRoles", "arn:aws:iam::111111111111:user/alice", "is an IAM user, not a role", "such as arn:aws:iam::111111111111:role/datamesh-break-glass"],
    ["breakGlassRoles", `arn:aws:iam::111111111111:role/${"b".repeat(65)}`, "has a role name of 65 characters; IAM allows at most 64", "role/datamesh-break-glass"],
    ["deployerRoles", "arn:aws:iam::111111111111:role/deploy-*", "contains a wildcard", "role/datamesh-platform-deployer"],
    ["deployerRoles", "arn:aws:iam::1111:role/deployer", 'has account "1111", which is not 12 digits', "role/datamesh-platform-deployer"],
    ["deployerRoles", "arn:aws:s3:::my-bucket", "is an s3 service ARN, not an IAM one", "role/datamesh-platform-deployer"],
    ["breakGlassRoles", "datamesh-break-glass", "is not an ARN", "role/datamesh-break-glass"],
  ])("says why %s entry %s is refused, with an example of that field's own kind", (field, value, reason, example) => {
    const e = errorOf((r) => setYaml(r, "mesh.yaml", [field, 0], value));
    expect([e.file, e.field]).toEqual(["mesh.yaml", `${field}[0]`]);
    expect(e.problem).toContain(`${value} ${reason}`);
    expect(e.problem).toContain(`must be the ARN of an IAM role such as arn:aws:iam::111111111111:${example.replace(/^.*:/, "")}`);
  });

  it("refuses a role in an account no environment uses (a likely typo), naming the accounts in use", () => {
    const e = errorOf((r) => setYaml(r, "mesh.yaml", ["deployerRoles", 1], "arn:aws:iam::333333333333:role/datamesh-platform-deployer"));
    expect([e.file, e.field]).toEqual(["mesh.yaml", "deployerRoles[1]"]);
    expect(e.problem).toContain("is in account 333333333333, which no environment of mesh.yaml or of a domain uses (111111111111, 222222222222)");
  });

  it("refuses a repeated role ARN, saying it is harmless but listed once", () => {
    const e = errorOf((r) => setYaml(r, "mesh.yaml", ["breakGlassRoles", 1], "arn:aws:iam::111111111111:role/datamesh-break-glass"));
    expect([e.file, e.field]).toEqual(["mesh.yaml", "breakGlassRoles[1]"]);
    expect(e.problem).toContain("repeats arn:aws:iam::111111111111:role/datamesh-break-glass (already entry [0])");
  });
});
