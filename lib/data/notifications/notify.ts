import "server-only";

import { eq, inArray } from "drizzle-orm";

import { notifications, teamMembers, topics, users } from "@/db/schema";
import { adminEmails } from "@/lib/config";
import type { Queryable } from "@/lib/db";
import { notificationRules, type Audience, type RequestEvent } from "@/lib/domain/notification-rules";

/**
 * Writes the in-app notifications for a request event, inside the caller's transaction. The
 * actor who caused the event is never notified of it.
 */
export async function notifyRequestEvent(
  db: Queryable,
  input: {
    event: RequestEvent;
    request: { id: string; teamId: string; topicName: string; type: string };
    actorId: string | null;
  },
): Promise<void> {
  const subject =
    input.request.type === "new_topic"
      ? `The proposal for topic ${input.request.topicName}`
      : input.request.type === "topic_access"
        ? `The access request for ${input.request.topicName}`
        : `Access to ${input.request.topicName}`;
  const rules = notificationRules(input.event, subject);
  if (rules.length === 0) return;

  const rows: Array<typeof notifications.$inferInsert> = [];
  const told = new Set<string>();
  for (const rule of rules) {
    for (const userId of await resolveAudience(db, rule.audience, input.request)) {
      const key = `${userId}|${rule.message}`;
      if (userId === input.actorId || told.has(key)) continue;
      told.add(key);
      rows.push({ userId, requestId: input.request.id, message: rule.message });
    }
  }
  if (rows.length > 0) await db.insert(notifications).values(rows);
}

async function resolveAudience(
  db: Queryable,
  audience: Audience,
  request: { teamId: string; topicName: string },
): Promise<string[]> {
  if (audience === "platform_admins") {
    const emails = [...adminEmails()];
    if (emails.length === 0) return [];
    const rows = await db.select({ id: users.id }).from(users).where(inArray(users.email, emails));
    return rows.map((row) => row.id);
  }

  let teamId: string | undefined = request.teamId;
  if (audience === "topic_owner_team") {
    const [topic] = await db.select({ ownerTeamId: topics.ownerTeamId }).from(topics).where(eq(topics.name, request.topicName));
    teamId = topic?.ownerTeamId;
  }
  if (!teamId) return [];
  const members = await db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, teamId));
  return members.map((member) => member.userId);
}
