import "server-only";

import { and, eq, isNull, sql } from "drizzle-orm";

import { notifications } from "@/db/schema";
import { assertAllowed } from "@/lib/auth/assert-allowed";
import type { Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import type { MarkNotificationsReadInput } from "@/lib/domain/schemas";

/** Marks one of the caller's notifications as read, or all of them. */
export async function markNotificationsRead(caller: Caller, input: MarkNotificationsReadInput): Promise<{ marked: number }> {
  assertAllowed(caller, "notifications.read");
  const db = await getDb();
  const marked = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.userId, caller.userId),
        isNull(notifications.readAt),
        input.scope === "one" ? eq(notifications.id, input.notificationId) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return { marked: marked.length };
}
