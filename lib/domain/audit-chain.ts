import { createHash } from "node:crypto";

/** The fields of an audit event that its hash covers. */
export interface ChainedAuditFields {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  requestId: string | null;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  prevHash: string | null;
}

/**
 * Serialises a JSON value with object keys sorted at every level, so that the same event hashes
 * the same after a round trip through PostgreSQL's jsonb, which reorders keys.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      // Code-unit order, unlike localeCompare, is the same on every machine.
      .sort(([a], [b]) => Number(a > b) - Number(a < b));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Computes an event's SHA-256 hash over its fields, the previous event's hash included. Only the
 * listed fields count, so a row read back with its own hash column hashes the same.
 */
export function hashAuditEvent(fields: ChainedAuditFields): string {
  const covered: ChainedAuditFields = {
    seq: fields.seq,
    id: fields.id,
    at: fields.at,
    actorId: fields.actorId,
    action: fields.action,
    requestId: fields.requestId,
    entityType: fields.entityType,
    entityId: fields.entityId,
    before: fields.before,
    after: fields.after,
    prevHash: fields.prevHash,
  };
  return createHash("sha256").update(canonicalJson(covered)).digest("hex");
}

export type ChainProblem =
  | { kind: "gap"; seq: number; expectedSeq: number }
  | { kind: "broken_link"; seq: number }
  | { kind: "hash_mismatch"; seq: number };

/**
 * Checks events given in `seq` order, continuing from `previous` (the last event already
 * checked, or null at the start). Returns the first problem, or null when the chain holds.
 */
export function findChainProblem(
  events: Array<ChainedAuditFields & { hash: string }>,
  previous: { seq: number; hash: string } | null,
): ChainProblem | null {
  let last = previous;
  for (const event of events) {
    const expectedSeq = (last?.seq ?? 0) + 1;
    if (event.seq !== expectedSeq) return { kind: "gap", seq: event.seq, expectedSeq };
    if (event.prevHash !== (last?.hash ?? null)) return { kind: "broken_link", seq: event.seq };
    if (hashAuditEvent(event) !== event.hash) return { kind: "hash_mismatch", seq: event.seq };
    last = { seq: event.seq, hash: event.hash };
  }
  return null;
}

export function describeChainProblem(problem: ChainProblem): string {
  switch (problem.kind) {
    case "gap":
      return `Audit event ${problem.expectedSeq} is missing: the next event found is ${problem.seq}. A row was deleted.`;
    case "broken_link":
      return `Audit event ${problem.seq} does not point to the hash of event ${problem.seq - 1}. A row was deleted or replaced.`;
    case "hash_mismatch":
      return `Audit event ${problem.seq} does not match its hash. The row was edited after it was written.`;
  }
}
