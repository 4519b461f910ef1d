import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BuildContext } from "../blueprint/context";

const GIB = 1024 ** 3;

/** The domain's Athena workgroup: settings enforced on every query, results encrypted with the domain key. */
export function workgroup(ctx: BuildContext, resultsBucket: string, keyArn: pulumi.Input<string>, cutoffGb: number): aws.athena.Workgroup {
  return enforcedWorkgroup(ctx, `${ctx.name}-workgroup`, ctx.names.athenaWorkgroup(), `Queries of domain ${ctx.names.scope.domain} (${ctx.names.scope.env})`, `s3://${resultsBucket}/`, keyArn, cutoffGb);
}

/**
 * A product's own workgroup, the one its pipeline and quality runner query in. Athena writes results with the
 * caller's credentials to `<OutputLocation><QueryID>.csv`, so the enforced location is the product's own prefix
 * of the domain's results bucket: the producer role may write and read there, and nowhere else in that bucket.
 */
export function productWorkgroup(ctx: BuildContext, product: string, resultsBucket: string, keyArn: pulumi.Input<string>, cutoffGb: number): aws.athena.Workgroup {
  return enforcedWorkgroup(ctx, `${ctx.name}-workgroup`, ctx.names.productWorkgroup(product), `Queries of data product ${ctx.names.scope.domain}/${product} (${ctx.names.scope.env})`, `s3://${resultsBucket}/${product}/`, keyArn, cutoffGb);
}

function enforcedWorkgroup(ctx: BuildContext, resourceName: string, name: string, description: string, outputLocation: string, keyArn: pulumi.Input<string>, cutoffGb: number): aws.athena.Workgroup {
  return new aws.athena.Workgroup(resourceName, {
    name,
    description,
    state: "ENABLED",
    forceDestroy: false,
    configuration: {
      enforceWorkgroupConfiguration: true,
      publishCloudwatchMetricsEnabled: true,
      bytesScannedCutoffPerQuery: cutoffGb * GIB,
      requesterPaysEnabled: false,
      engineVersion: { selectedEngineVersion: "Athena engine version 3" },
      resultConfiguration: {
        outputLocation,
        encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: keyArn },
      },
    },
    tags: ctx.tags,
  }, ctx.opts);
}
