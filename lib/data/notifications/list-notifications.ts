import "server-only";

import { and, desc, eq, isNull, sql } from "drizzle-orm";

import { notifications } from "@/db/schema";
import type { Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";

export async function listNotifications(caller: Caller) {
  const db = await getDb();
  return db
    .select({
      id: notifications.id,
      message: notifications.message,
      requestId: notifications.requestId,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, caller.userId))
    .orderBy(desc(notifications.createdAt))
    .limit(200);
}

export async function countUnreadNotifications(caller: Caller): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, caller.userId), isNull(notifications.readAt)));
  return row?.count ?? 0;
}
