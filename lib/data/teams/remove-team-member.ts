import "server-only";

import { and, eq } from "drizzle-orm";

import { teamMembers, users } from "@/db/schema";
import { assertAllowed } from "@/lib/auth/assert-allowed";
import type { Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import type { RemoveTeamMemberInput } from "@/lib/domain/schemas";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

import { recordAuditEvent } from "../audit/record-audit-event";
import { assertAnotherOwner } from "./assert-another-owner";

/** Removes a person from a team; the last owner cannot be removed. */
export async function removeTeamMember(caller: Caller, input: RemoveTeamMemberInput): Promise<void> {
  assertAllowed(caller, "team.manage_members", { teamId: input.teamId });
  const db = await getDb();

  await db.transaction(async (tx) => {
    const [member] = await tx
      .select({ userId: teamMembers.userId, role: teamMembers.role })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(and(eq(teamMembers.teamId, input.teamId), eq(users.email, input.email)));
    if (!member) throw new AppError("not_found", `${input.email} is not a member of this team.`);
    if (member.role === "owner") await assertAnotherOwner(tx, input.teamId, member.userId);

    await tx.delete(teamMembers).where(and(eq(teamMembers.teamId, input.teamId), eq(teamMembers.userId, member.userId)));
    await recordAuditEvent(tx, {
      actorId: caller.userId,
      action: "team.member_removed",
      entityType: "team",
      entityId: input.teamId,
      before: { userId: member.userId, email: input.email, role: member.role },
      after: null,
    });
  });
  logger.info({ teamId: input.teamId, actorId: caller.userId }, "team member removed");
}
