/**
 * Kafka error types that no retry will fix: the request itself is invalid or not allowed.
 * Anything else (unreachable brokers, timeouts, leader changes) is worth retrying.
 */
const PERMANENT_KAFKA_ERRORS = new Set([
  "INVALID_TOPIC_EXCEPTION",
  "INVALID_PARTITIONS",
  "INVALID_REPLICATION_FACTOR",
  "INVALID_REPLICA_ASSIGNMENT",
  "INVALID_CONFIG",
  "POLICY_VIOLATION",
  "TOPIC_AUTHORIZATION_FAILED",
  "CLUSTER_AUTHORIZATION_FAILED",
  "UNSUPPORTED_VERSION",
  "INVALID_REQUEST",
]);

/** Returns whether a cluster error may go away by itself, so that the operation should retry. */
export function isRetriableClusterError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const type = (current as { type?: unknown }).type;
    if (typeof type === "string" && PERMANENT_KAFKA_ERRORS.has(type)) return false;
    current = (current as { cause?: unknown; originalError?: unknown }).originalError ?? current.cause;
  }
  return true;
}

export function describeClusterError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
