import "server-only";

import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";

import { applications, grants, requestComments, requestRevisions, requests, topics } from "@/db/schema";
import { assertAllowed } from "@/lib/auth/assert-allowed";
import type { Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { collisionKey } from "@/lib/domain/naming";
import { jobStepsFor } from "@/lib/domain/provisioning";
import type { RevokeGrantInput } from "@/lib/domain/schemas";
import { AppError, notFound } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { enqueueJob } from "@/lib/provisioning/materialize-approval";
import { wakeInProcessWorker } from "@/lib/provisioning/worker";

import { recordAuditEvent } from "../audit/record-audit-event";
import { notifyRequestEvent } from "../notifications/notify";
import type { RevocationPayload } from "../requests/payloads";

/**
 * Revokes a live grant. The revocation is a request like any other, decided by the topic owner
 * or administrator who revokes: it is recorded, marks the grant revoked, and queues the job
 * that deletes the grant's ACLs from the cluster, all in one transaction.
 */
export async function revokeGrant(caller: Caller, input: RevokeGrantInput): Promise<{ requestId: string }> {
  const db = await getDb();

  const requestId = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ grant: grants, application: applications, topic: topics })
      .from(grants)
      .innerJoin(applications, eq(applications.id, grants.applicationId))
      .innerJoin(topics, eq(topics.id, grants.topicId))
      .where(eq(grants.id, input.grantId));
    if (!row) throw notFound("Grant", input.grantId);
    assertAllowed(caller, "grant.revoke", { teamId: row.application.teamId, topicOwnerTeamId: row.topic.ownerTeamId });

    const [revoked] = await tx
      .update(grants)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(grants.id, input.grantId), isNull(grants.revokedAt), isNotNull(grants.activatedAt)))
      .returning({ id: grants.id });
    if (!revoked) {
      throw new AppError("conflict", "This access is not live: it was already revoked or is still being provisioned.");
    }

    const payload: RevocationPayload = { grantId: row.grant.id, role: row.grant.role, reason: input.reason };
    const [request] = await tx
      .insert(requests)
      .values({
        type: "access_revocation",
        state: "approved",
        teamId: row.application.teamId,
        requestedBy: caller.userId,
        applicationId: row.application.id,
        topicName: row.topic.name,
        topicNameKey: collisionKey(row.topic.name),
        payload,
        reviewedBy: caller.userId,
        reviewedAt: sql`now()`,
        reviewComment: input.reason,
      })
      .returning();
    if (!request) throw new Error("revocation request insert returned no row");
    await tx.update(grants).set({ revocationRequestId: request.id }).where(eq(grants.id, row.grant.id));
    await tx.insert(requestRevisions).values({ requestId: request.id, version: 1, payload });
    await tx.insert(requestComments).values({ requestId: request.id, authorId: caller.userId, kind: "approved", body: input.reason });
    await recordAuditEvent(tx, {
      actorId: caller.userId,
      action: "grant.revoked",
      entityType: "grant",
      entityId: row.grant.id,
      requestId: request.id,
      before: { application: row.application.name, topic: row.topic.name, role: row.grant.role, revokedAt: null },
      after: { revoked: true, reason: input.reason },
    });
    await enqueueJob(tx, { requestId: request.id, steps: jobStepsFor("access_revocation"), createdCredential: false });
    await notifyRequestEvent(tx, { event: { kind: "revoked" }, request, actorId: caller.userId });
    return request.id;
  });

  logger.info({ grantId: input.grantId, requestId, userId: caller.userId }, "grant revoked");
  wakeInProcessWorker();
  return { requestId };
}
