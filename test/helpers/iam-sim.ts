import { runSimulation } from "@cloud-copilot/iam-simulate";

/** An IAM request to evaluate: who, what, on which ARN, with which request context. */
export interface IamRequest {
  principal: string;
  action: string;
  resource: string;
  context?: Record<string, string | string[]>;
  /** The account that owns the resource (S3 ARNs do not say); the principal's account when omitted. */
  resourceAccount?: string;
}

export interface IamPolicies {
  identity: Record<string, unknown>[];
  boundary?: Record<string, unknown>;
  /** The resource's own policy (bucket policy, key policy), if it has one. */
  resourcePolicy?: Record<string, unknown>;
}

/**
 * Evaluates one request against planned policies with a maintained IAM policy simulator
 * (@cloud-copilot/iam-simulate: identity, permissions boundary and resource policies, as AWS's evaluation logic).
 */
export async function evaluate(request: IamRequest, policies: IamPolicies): Promise<string> {
  const account = request.principal.split(":")[4] ?? "";
  const result = await runSimulation({
    request: { principal: request.principal, action: request.action, resource: { resource: request.resource, accountId: request.resourceAccount ?? account }, contextVariables: { "aws:SecureTransport": "true", ...(request.context ?? {}) } },
    identityPolicies: policies.identity.map((policy, i) => ({ name: `identity-${i}`, policy })),
    permissionBoundaryPolicies: policies.boundary ? [{ name: "boundary", policy: policies.boundary }] : undefined,
    resourcePolicy: policies.resourcePolicy,
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  }, {});
  if (result.resultType === "error") throw new Error(`simulation of ${request.action} on ${request.resource} failed: ${JSON.stringify(result.errors)}`);
  if (result.resultType !== "single") throw new Error(`expected one simulated resource for ${request.resource}, got ${result.resultType}`);
  return result.overallResult;
}
