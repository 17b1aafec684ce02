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
  "UNSUPPORTED_SASL_MECHANISM",
  "UNACCEPTABLE_CREDENTIAL",
]);

interface ErrorLike {
  message?: unknown;
  /** kafkajs's protocol error name. */
  type?: unknown;
  /** @platformatic/kafka's protocol error name. */
  apiId?: unknown;
  errors?: unknown;
  cause?: unknown;
  originalError?: unknown;
}

/**
 * Lists an error and the errors inside it: kafkajs wraps per-topic errors in an aggregate's
 * `errors`, and @platformatic/kafka puts per-result errors in a ResponseError's `errors`.
 */
function flatten(error: unknown, depth = 0): ErrorLike[] {
  if (depth > 4 || typeof error !== "object" || error === null) return [];
  const current = error as ErrorLike;
  const inner = [
    ...(Array.isArray(current.errors) ? current.errors : []),
    ...(current.originalError ? [current.originalError] : []),
    ...(current.cause ? [current.cause] : []),
  ];
  return [current, ...inner.flatMap((entry) => flatten(entry, depth + 1))];
}

function kafkaErrorName(error: ErrorLike): string | null {
  if (typeof error.type === "string") return error.type;
  if (typeof error.apiId === "string") return error.apiId;
  return null;
}

/** Returns whether a cluster error may go away by itself, so that the operation should retry. */
export function isRetriableClusterError(error: unknown): boolean {
  return !flatten(error).some((entry) => {
    const name = kafkaErrorName(entry);
    return name !== null && PERMANENT_KAFKA_ERRORS.has(name);
  });
}

/** Describes a cluster error with the Kafka error names and messages found inside it. */
export function describeClusterError(error: unknown): string {
  const entries = flatten(error);
  if (entries.length === 0) return String(error);
  const parts = entries.map((entry) => {
    const name = kafkaErrorName(entry);
    const message = typeof entry.message === "string" ? entry.message : "";
    return name && !message.includes(name) ? `${message} (${name})` : message;
  });
  return [...new Set(parts.filter(Boolean))].join(": ");
}
