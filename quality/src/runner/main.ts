import { AthenaClient } from "@aws-sdk/client-athena";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { S3Client } from "@aws-sdk/client-s3";
import { renderReport } from "../render";
import { readRunnerConfig, RunnerConfigError } from "./config";
import { runQuality } from "./run";

/** The container's entry point: `quality-runner --rules /etc/datamesh/rules/rules.json`. Exit 0 ok, 3 a check failed, 2 bad config, 1 AWS error. */
export async function main(argv: string[]): Promise<number> {
  const at = argv.indexOf("--rules");
  const rulesFile = at >= 0 ? argv[at + 1] : undefined;
  if (!rulesFile) {
    process.stderr.write("error: usage: quality-runner --rules <rules.json> (ports.json beside it)\n");
    return 2;
  }
  try {
    const config = readRunnerConfig(rulesFile, process.env);
    const clients = { athena: new AthenaClient({ region: config.region }), logs: new CloudWatchLogsClient({ region: config.region }), s3: new S3Client({ region: config.region }) };
    const outcome = await runQuality(config, clients);
    process.stdout.write(`${renderReport(outcome.report, `quality ${config.domain}/${config.product} on Athena (${config.workGroup})`)}\nreport: s3://${config.bucket}/${outcome.reportKey}\n`);
    return outcome.exitCode;
  } catch (e) {
    if (e instanceof RunnerConfigError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`error: ${(e as Error).name}: ${(e as Error).message}\n`);
    return 1;
  }
}
