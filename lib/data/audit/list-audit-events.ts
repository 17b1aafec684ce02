import "server-only";

import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { z } from "zod";

import { auditEvents, users } from "@/db/schema";
import { assertAllowed } from "@/lib/auth/assert-allowed";
import type { Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";

export interface AuditFilters {
  action?: string;
  requestId?: string;
  actorEmail?: string;
  /** Inclusive start day, YYYY-MM-DD, in UTC. */
  from?: string;
  /** Inclusive end day, YYYY-MM-DD, in UTC. */
  to?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function dayStart(day: string | undefined): Date | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00Z`);
  // Reject days that do not exist, such as 2026-02-31, instead of rolling them over.
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? undefined : date;
}

/** Lists audit events, newest first, filtered for the administrators' audit page and export. */
export async function listAuditEvents(caller: Caller, filters: AuditFilters, limit = 500) {
  assertAllowed(caller, "audit.read");
  const db = await getDb();
  const from = dayStart(filters.from);
  const to = dayStart(filters.to);
  const conditions: Array<SQL | undefined> = [
    filters.action ? eq(auditEvents.action, filters.action) : undefined,
    filters.requestId && z.uuid().safeParse(filters.requestId).success ? eq(auditEvents.requestId, filters.requestId) : undefined,
    filters.actorEmail ? eq(users.email, filters.actorEmail.trim().toLowerCase()) : undefined,
    from ? gte(auditEvents.at, from) : undefined,
    to ? lt(auditEvents.at, new Date(to.getTime() + DAY_MS)) : undefined,
  ];

  return db
    .select({
      seq: auditEvents.seq,
      at: auditEvents.at,
      action: auditEvents.action,
      actor: users.email,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      requestId: auditEvents.requestId,
      before: auditEvents.before,
      after: auditEvents.after,
      hash: auditEvents.hash,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
}
