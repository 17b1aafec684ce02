import "server-only";

import { asc, gt } from "drizzle-orm";

import { auditEvents } from "@/db/schema";
import type { Queryable } from "@/lib/db";
import { findChainProblem, type ChainedAuditFields, type ChainProblem } from "@/lib/domain/audit-chain";

const BATCH_SIZE = 1_000;

/**
 * Walks the audit chain from its first event and returns the first problem, or null. A deleted
 * tail cannot be told from a shorter log; the returned head (last seq and hash) lets an operator
 * compare with a copy kept elsewhere.
 */
export async function verifyAuditLog(
  db: Queryable,
): Promise<{ problem: ChainProblem | null; events: number; head: { seq: number; hash: string } | null }> {
  let previous: { seq: number; hash: string } | null = null;
  let checked = 0;

  for (;;) {
    const after: number = previous?.seq ?? 0;
    const rows: Array<typeof auditEvents.$inferSelect> = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, after))
      .orderBy(asc(auditEvents.seq))
      .limit(BATCH_SIZE);
    if (rows.length === 0) break;

    const events: Array<ChainedAuditFields & { hash: string }> = rows.map((row) => ({
      seq: row.seq,
      id: row.id,
      at: row.at.toISOString(),
      actorId: row.actorId,
      action: row.action,
      requestId: row.requestId,
      entityType: row.entityType,
      entityId: row.entityId,
      before: row.before,
      after: row.after,
      prevHash: row.prevHash,
      hash: row.hash,
    }));
    const problem = findChainProblem(events, previous);
    if (problem) return { problem, events: checked, head: previous };
    checked += events.length;
    const last: ChainedAuditFields & { hash: string } = events[events.length - 1]!;
    previous = { seq: last.seq, hash: last.hash };
  }
  return { problem: null, events: checked, head: previous };
}
