import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { StackManifest } from "../../cli/src/plan/manifest";
import { fakePulumi } from "../helpers/fake-pulumi";
import { REPO } from "../helpers/fixture";

/** The shell commands of docs/lighthouse.md, in order: every ```sh block, continuation lines joined. */
function guideCommands(): string[] {
  const text = readFileSync(join(REPO, "docs", "lighthouse.md"), "utf8");
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((b) => b.replace(/\\\n\s*/g, "").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#")));
}

/** A kubeconfig as `aws eks update-kubeconfig` writes it for the Shopwave clusters of mesh.yaml. */
function kubeconfig(home: string): void {
  const arns = ["arn:aws:eks:eu-west-1:111111111111:cluster/shopwave-dev", "arn:aws:eks:eu-west-1:222222222222:cluster/shopwave-prod"];
  mkdirSync(join(home, ".kube"));
  writeFileSync(join(home, ".kube", "config"), [
    "apiVersion: v1", "kind: Config", `current-context: ${arns[0]}`,
    "clusters:", ...arns.flatMap((a) => [`  - name: ${a}`, "    cluster: { server: https://EXAMPLE.eks.amazonaws.com }"]),
    "contexts:", ...arns.flatMap((a) => [`  - name: ${a}`, `    context: { cluster: ${a}, user: ${a} }`]),
    "users:", ...arns.flatMap((a) => [`  - name: ${a}`, "    user: {}"]), "",
  ].join("\n"));
}

describe("docs/lighthouse.md, end to end on a temporary copy of the Shopwave mesh", () => {
  it("every command of the guide succeeds, and the result has the domain, product and grant it promises", () => {
    const root = mkdtempSync(join(tmpdir(), "lighthouse-"));
    for (const entry of ["mesh.yaml", "domains", "stacks", "Pulumi.yaml", ".github"]) cpSync(join(REPO, entry), join(root, entry), { recursive: true });
    const home = mkdtempSync(join(tmpdir(), "home-"));
    kubeconfig(home);
    const fake = fakePulumi();
    const commands = guideCommands();
    expect(commands.filter((c) => c.startsWith("npx mesh ")).length).toBe(commands.length);
    expect(commands.length).toBeGreaterThanOrEqual(12);
    let grantPlan: StackManifest | undefined;
    for (const command of commands) {
      const line = command.replace(/^npx mesh /, `"${process.execPath}" "${join(REPO, "cli", "bin", "mesh.js")}" `);
      const r = spawnSync("bash", ["-c", line], {
        cwd: root,
        encoding: "utf8",
        env: { PATH: `${fake.bin}${delimiter}${dirname(process.execPath)}${delimiter}/usr/bin${delimiter}/bin`, HOME: home, AWS_PROFILE: "shopwave-dev", FORCE_COLOR: "0" },
      });
      expect(r.status, `${command}\n${r.stderr}`).toBe(0);
      // Later commands plan other stacks into the same folder: keep the plan of phase 3.
      if (command.includes("plan --stack payments-dev orders-dev")) grantPlan = JSON.parse(readFileSync(join(root, "out/plan/payments-dev.json"), "utf8")) as StackManifest;
    }
    // Phase 1: the domain, its stacks and its reviewers.
    expect(readFileSync(join(root, "domains/payments/domain.yaml"), "utf8")).toContain("owner: { team: payments-data, email: payments-data@shopwave.example, slack: \"#payments-data\" }");
    expect(readFileSync(join(root, ".github/CODEOWNERS"), "utf8")).toMatch(/^\/domains\/payments\/ +@shopwave\/payments-data$/m);
    // Phase 3: the grant on the producer side, for exactly the fields read.
    const grant = grantPlan!.resources.find((r) => r.type === "aws:lakeformation/permissions:Permissions" && JSON.stringify(r.inputs).includes("orders-order-events"));
    expect(grant?.inputs).toMatchObject({ permissions: ["SELECT"], tableWithColumns: { columnNames: ["payment_id", "status"] } });
    // Phases 2 and 4: the deploys reached Pulumi with the policy pack, dev then prod.
    const deploys = fake.calls().filter((c) => c.args[0] === "preview" || c.args[0] === "up").map((c) => `${c.args[0]} ${c.args[c.args.indexOf("--stack") + 1]}`);
    expect(deploys).toEqual(["preview payments-dev", "up payments-dev", "preview payments-prod", "up payments-prod"]);
  }, 600_000);
});
