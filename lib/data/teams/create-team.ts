import "server-only";

import { randomBytes } from "node:crypto";

import { teamMembers, teams } from "@/db/schema";
import type { Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { slugify } from "@/lib/domain/naming";
import type { CreateTeamInput } from "@/lib/domain/schemas";
import { fieldError, isUniqueViolation } from "@/lib/errors";
import { logger } from "@/lib/logger";

import { recordAuditEvent } from "../audit/record-audit-event";

/** Creates a team with the caller as its owner. */
export async function createTeam(caller: Caller, input: CreateTeamInput): Promise<{ teamId: string; slug: string }> {
  // Names in other scripts have no Latin letters to make a slug from, so they get a random one.
  const named = slugify(input.name);
  const slug = named.length >= 3 ? named : `team-${randomBytes(3).toString("hex")}`;

  const db = await getDb();
  try {
    const team = await db.transaction(async (tx) => {
      const [created] = await tx.insert(teams).values({ name: input.name, slug }).returning();
      if (!created) throw new Error("team insert returned no row");
      await tx.insert(teamMembers).values({ teamId: created.id, userId: caller.userId, role: "owner" });
      await recordAuditEvent(tx, {
        actorId: caller.userId,
        action: "team.created",
        entityType: "team",
        entityId: created.id,
        after: { name: created.name, slug: created.slug },
      });
      return created;
    });
    logger.info({ teamId: team.id, userId: caller.userId }, "team created");
    return { teamId: team.id, slug: team.slug };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw fieldError("name", `A team named "${input.name}" already exists; choose another name or ask its owners to add you.`, "conflict");
    }
    throw error;
  }
}
