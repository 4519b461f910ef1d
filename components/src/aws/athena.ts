import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BuildContext } from "../blueprint/context";

const GIB = 1024 ** 3;

/** The domain's Athena workgroup: settings enforced on every query, results encrypted with the domain key. */
export function workgroup(ctx: BuildContext, resultsBucket: string, keyArn: pulumi.Input<string>, cutoffGb: number): aws.athena.Workgroup {
  return new aws.athena.Workgroup(`${ctx.name}-workgroup`, {
    name: ctx.names.athenaWorkgroup(),
    description: `Queries of domain ${ctx.names.scope.domain} (${ctx.names.scope.env})`,
    state: "ENABLED",
    forceDestroy: false,
    configuration: {
      enforceWorkgroupConfiguration: true,
      publishCloudwatchMetricsEnabled: true,
      bytesScannedCutoffPerQuery: cutoffGb * GIB,
      requesterPaysEnabled: false,
      engineVersion: { selectedEngineVersion: "Athena engine version 3" },
      resultConfiguration: {
        outputLocation: `s3://${resultsBucket}/`,
        encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: keyArn },
      },
    },
    tags: ctx.tags,
  }, ctx.opts);
}
