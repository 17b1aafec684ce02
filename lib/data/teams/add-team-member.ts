import "server-only";

import { and, eq, sql } from "drizzle-orm";

import { teamMembers, users } from "@/db/schema";
import { assertAllowed } from "@/lib/auth/assert-allowed";
import type { Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import type { AddTeamMemberInput } from "@/lib/domain/schemas";
import { logger } from "@/lib/logger";

import { recordAuditEvent } from "../audit/record-audit-event";
import { assertAnotherOwner } from "./assert-another-owner";

/**
 * Adds a person to a team, or changes their role in it. A person who has not signed in yet is
 * created from the email address and finds the team on their first sign-in.
 */
export async function addTeamMember(caller: Caller, input: AddTeamMemberInput): Promise<{ userId: string }> {
  assertAllowed(caller, "team.manage_members", { teamId: input.teamId });
  const db = await getDb();

  const userId = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.email })
      .onConflictDoUpdate({ target: users.email, set: { email: sql`excluded.email` } })
      .returning({ id: users.id });
    if (!user) throw new Error("user upsert returned no row");
    const [before] = await tx
      .select({ role: teamMembers.role })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, input.teamId), eq(teamMembers.userId, user.id)));
    if (before?.role === "owner" && input.role === "member") await assertAnotherOwner(tx, input.teamId, user.id);
    await tx
      .insert(teamMembers)
      .values({ teamId: input.teamId, userId: user.id, role: input.role })
      .onConflictDoUpdate({ target: [teamMembers.teamId, teamMembers.userId], set: { role: input.role } });
    await recordAuditEvent(tx, {
      actorId: caller.userId,
      action: "team.member_set",
      entityType: "team",
      entityId: input.teamId,
      before: before ? { userId: user.id, role: before.role } : null,
      after: { userId: user.id, email: input.email, role: input.role },
    });
    return user.id;
  });
  logger.info({ teamId: input.teamId, userId, role: input.role, actorId: caller.userId }, "team member set");
  return { userId };
}
