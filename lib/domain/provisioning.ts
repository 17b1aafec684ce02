/** The steps of a provisioning job, in the order they run. Each is safe to run again. */
export const PROVISIONING_STEPS = ["topic", "topic_configs", "acls", "scram_user", "record"] as const;
/** The steps of a revocation job. */
export const REVOCATION_STEPS = ["revoke_acls", "record"] as const;
export type ProvisioningStepName = (typeof PROVISIONING_STEPS)[number] | (typeof REVOCATION_STEPS)[number];

export function jobStepsFor(requestType: "new_topic" | "topic_access" | "access_revocation"): readonly ProvisioningStepName[] {
  return requestType === "access_revocation" ? REVOCATION_STEPS : PROVISIONING_STEPS;
}

export const PROVISIONING_STEP_LABELS: Record<ProvisioningStepName, string> = {
  topic: "Create the topic with its partitions and replication factor",
  topic_configs: "Set the topic's configs",
  acls: "Create the ACLs",
  scram_user: "Create the SCRAM user",
  revoke_acls: "Delete the ACLs",
  record: "Record the result",
};

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 60_000 };

/**
 * Computes the wait before the next attempt: exponential growth from the base delay, capped,
 * with "equal jitter" (half fixed, half random) so that workers retrying together spread out.
 * `attempt` is the number of attempts made so far, starting at 1; `random` returns [0, 1).
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function hasAttemptsLeft(attempts: number, policy: Pick<RetryPolicy, "maxAttempts">): boolean {
  return attempts < policy.maxAttempts;
}
