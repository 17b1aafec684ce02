import "server-only";

import { and, eq, sql } from "drizzle-orm";

import { requests } from "@/db/schema";
import { assertAllowed } from "@/lib/auth/assert-allowed";
import type { Caller } from "@/lib/auth/caller";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db";
import { AppError, isUniqueViolation, notFound } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { jobStepsFor } from "@/lib/domain/provisioning";
import { enqueueJob, materializeApproval } from "@/lib/provisioning/materialize-approval";
import { wakeInProcessWorker } from "@/lib/provisioning/worker";

import { recordAuditEvent } from "../audit/record-audit-event";
import { loadRequestPlan } from "./load-request-plan";

/**
 * Queues a failed request's job again. Steps already done stay done; after a permanent failure
 * the desired state is written again and every step runs.
 */
export async function retryProvisioning(caller: Caller, requestId: string): Promise<{ state: "approved" }> {
  assertAllowed(caller, "request.retry");

  try {
    await retryInTransaction(caller, requestId);
  } catch (error) {
    // A topic of the same name may have been proposed and provisioned since this one failed.
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", "Another topic with this name exists now, so this request cannot be provisioned; the requester can propose the topic under another name.");
    }
    throw error;
  }
  logger.info({ requestId, userId: caller.userId }, "provisioning retry queued");
  wakeInProcessWorker();
  return { state: "approved" };
}

async function retryInTransaction(caller: Caller, requestId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(requests)
      .set({ state: "approved", failureReason: null, updatedAt: sql`now()` })
      .where(and(eq(requests.id, requestId), eq(requests.state, "failed")))
      .returning({ id: requests.id });
    if (!updated) {
      const [existing] = await tx.select({ state: requests.state }).from(requests).where(eq(requests.id, requestId));
      if (!existing) throw notFound("Request", requestId);
      throw new AppError("conflict", `Only failed requests can be retried; this one is ${existing.state}.`);
    }
    const { request, application, plan } = await loadRequestPlan(tx, requestId);
    if (request.type === "access_revocation") {
      // The grant stays revoked; only its ACL deletion runs again.
      await enqueueJob(tx, { requestId, steps: jobStepsFor(request.type), createdCredential: false });
    } else {
      await materializeApproval(tx, { request, application, plan, environment: config().ONRAMP_ENVIRONMENT });
    }
    await recordAuditEvent(tx, {
      actorId: caller.userId,
      action: "request.retried",
      entityType: "request",
      entityId: requestId,
      requestId,
      before: { state: "failed" },
      after: { state: "approved" },
    });
  });
}
