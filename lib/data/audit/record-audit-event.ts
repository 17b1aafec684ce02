import "server-only";

import { auditEvents } from "@/db/schema";
import type { Queryable } from "@/lib/db";

export interface AuditEventInput {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  requestId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Records who changed what; call it inside the transaction that makes the change. */
export async function recordAuditEvent(db: Queryable, event: AuditEventInput): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    requestId: event.requestId ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}
