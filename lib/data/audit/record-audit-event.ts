import "server-only";

import { randomUUID } from "node:crypto";

import { desc, sql } from "drizzle-orm";

import { auditEvents } from "@/db/schema";
import type { Queryable } from "@/lib/db";
import { hashAuditEvent } from "@/lib/domain/audit-chain";

export interface AuditEventInput {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  requestId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Arbitrary constant that names the audit chain's lock among PostgreSQL advisory locks. */
const AUDIT_CHAIN_LOCK_ID = 7_240_002;

/**
 * Appends an event to the audit chain. Call it inside the transaction that makes the change: a
 * transaction-level advisory lock orders appends, and it is held until that transaction ends.
 */
export async function recordAuditEvent(db: Queryable, event: AuditEventInput): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_ID})`);
    const [last] = await tx
      .select({ seq: auditEvents.seq, hash: auditEvents.hash })
      .from(auditEvents)
      .orderBy(desc(auditEvents.seq))
      .limit(1);

    // jsonb cannot keep `undefined`, so the hashed values are the ones a read gives back.
    const fields = {
      seq: (last?.seq ?? 0) + 1,
      id: randomUUID(),
      at: new Date().toISOString(),
      actorId: event.actorId,
      action: event.action,
      requestId: event.requestId ?? null,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before === undefined ? null : JSON.parse(JSON.stringify(event.before)),
      after: event.after === undefined ? null : JSON.parse(JSON.stringify(event.after)),
      prevHash: last?.hash ?? null,
    };
    await tx.insert(auditEvents).values({ ...fields, at: new Date(fields.at), hash: hashAuditEvent(fields) });
  });
}
