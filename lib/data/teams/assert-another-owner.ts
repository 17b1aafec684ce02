import "server-only";

import { and, eq } from "drizzle-orm";

import { teamMembers } from "@/db/schema";
import type { Transaction } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Throws unless the team keeps an owner other than `userId`, so that no team is left without
 * anyone who can manage it. Locks the team's owner rows until the transaction ends, so two
 * owners cannot step down at the same time.
 */
export async function assertAnotherOwner(tx: Transaction, teamId: string, userId: string): Promise<void> {
  const owners = await tx
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.role, "owner")))
    .for("update");
  const others = owners.filter((owner) => owner.userId !== userId);
  if (others.length === 0) {
    throw new AppError("conflict", "A team needs at least one owner; make someone else an owner first.");
  }
}
