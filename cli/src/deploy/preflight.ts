import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { CliError, EXIT } from "../errors";

/** The `pulumi` executable on PATH, or undefined: looked up without running anything. */
export function findPulumi(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean)) {
    const file = join(dir, process.platform === "win32" ? "pulumi.exe" : "pulumi");
    if (existsSync(file)) return file;
  }
  return undefined;
}

export function requirePulumi(env: NodeJS.ProcessEnv = process.env): string {
  const cli = findPulumi(env);
  if (!cli) throw new CliError(EXIT.environment, "the Pulumi CLI is not on PATH: install it (https://www.pulumi.com/docs/iac/download-install/) and run this again");
  return cli;
}

/**
 * Where the AWS SDK finds credentials without a network call: environment keys, a profile, web identity (CI OIDC),
 * container credentials, or the shared files. Instance roles cannot be seen offline: set AWS_EC2_METADATA=true there.
 */
export function awsCredentialsSource(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return "AWS_ACCESS_KEY_ID";
  if (env.AWS_PROFILE) return `AWS_PROFILE=${env.AWS_PROFILE}`;
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN) return "AWS_WEB_IDENTITY_TOKEN_FILE";
  if (env.AWS_CONTAINER_CREDENTIALS_FULL_URI || env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) return "container credentials";
  if (env.AWS_EC2_METADATA === "true") return "instance role";
  const home = env.HOME ?? homedir();
  for (const file of [env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, ".aws", "credentials"), env.AWS_CONFIG_FILE ?? join(home, ".aws", "config")]) {
    if (existsSync(file)) return file;
  }
  return undefined;
}

export function requireAwsCredentials(env: NodeJS.ProcessEnv = process.env): void {
  if (!awsCredentialsSource(env)) {
    throw new CliError(EXIT.environment, "no AWS credentials: set AWS_PROFILE (after aws sso login or aws configure) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, then run this again");
  }
}
