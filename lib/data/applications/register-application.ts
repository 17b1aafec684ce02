import "server-only";

import { applications } from "@/db/schema";
import { assertAllowed } from "@/lib/auth/assert-allowed";
import type { Caller } from "@/lib/auth/caller";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db";
import { checkApplicationName } from "@/lib/domain/naming";
import type { RegisterApplicationInput } from "@/lib/domain/schemas";
import { fieldError, isUniqueViolation } from "@/lib/errors";
import { logger } from "@/lib/logger";

import { recordAuditEvent } from "../audit/record-audit-event";

/** Registers an application for one of the caller's teams. Its name becomes its Kafka user. */
export async function registerApplication(
  caller: Caller,
  input: RegisterApplicationInput,
): Promise<{ applicationId: string }> {
  assertAllowed(caller, "application.register", { teamId: input.teamId });
  // The cluster's admin user is configurable, so it is checked here rather than in the schema.
  const adminProblem = checkApplicationName(input.name, [config().KAFKA_ADMIN_USERNAME.toLowerCase()]);
  if (adminProblem) throw fieldError("name", adminProblem);

  const db = await getDb();
  try {
    const application = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(applications)
        .values({
          teamId: input.teamId,
          name: input.name,
          kind: input.kind,
          description: input.description,
          transactional: input.kind !== "consumer" && input.transactional,
        })
        .returning();
      if (!created) throw new Error("application insert returned no row");
      await recordAuditEvent(tx, {
        actorId: caller.userId,
        action: "application.registered",
        entityType: "application",
        entityId: created.id,
        after: { name: created.name, kind: created.kind, teamId: created.teamId },
      });
      return created;
    });
    logger.info({ applicationId: application.id, teamId: input.teamId }, "application registered");
    return { applicationId: application.id };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw fieldError("name", `An application named "${input.name}" is already registered; choose another name.`, "conflict");
    }
    throw error;
  }
}
