import "server-only";

import { and, eq, sql } from "drizzle-orm";

import { requests } from "@/db/schema";
import { config } from "@/lib/config";
import { isTeamMember, requirePlatformAdmin, type Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import type { RequestState } from "@/lib/domain/request-states";
import type { ReviewInput } from "@/lib/domain/schemas";
import { AppError, notFound } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { materializeApproval } from "@/lib/provisioning/materialize-approval";
import { wakeInProcessWorker } from "@/lib/provisioning/worker";

import { recordAuditEvent } from "../audit/record-audit-event";
import { loadRequestPlan } from "./load-request-plan";

/**
 * Approves or rejects a submitted request. An approval writes the desired state and queues the
 * provisioning job in the same transaction, so it succeeds even while the cluster is down; the
 * worker then provisions it. A reviewer never decides on their own team's request.
 */
export async function reviewRequest(
  caller: Caller,
  input: ReviewInput,
): Promise<{ state: RequestState; failureReason: string | null }> {
  requirePlatformAdmin(caller);
  const db = await getDb();

  const [request] = await db
    .select({ id: requests.id, teamId: requests.teamId, state: requests.state })
    .from(requests)
    .where(eq(requests.id, input.requestId));
  if (!request) throw notFound("Request", input.requestId);
  if (isTeamMember(caller, request.teamId)) {
    throw new AppError(
      "forbidden",
      "You cannot review a request from your own team; another platform administrator must review it.",
    );
  }

  const nextState = input.decision === "approve" ? "approved" : "rejected";
  await db.transaction(async (tx) => {
    // Only a submitted request changes, so of two reviewers clicking at once exactly one wins.
    const [updated] = await tx
      .update(requests)
      .set({
        state: nextState,
        reviewedBy: caller.userId,
        reviewedAt: sql`now()`,
        reviewComment: input.comment,
        updatedAt: sql`now()`,
      })
      .where(and(eq(requests.id, input.requestId), eq(requests.state, "submitted")))
      .returning({ id: requests.id });
    if (!updated) {
      throw new AppError("conflict", "This request was already reviewed by someone else; reload the page to see the decision.");
    }
    if (nextState === "approved") {
      const { request: row, application, plan } = await loadRequestPlan(tx, input.requestId);
      await materializeApproval(tx, { request: row, application, plan, environment: config().ONRAMP_ENVIRONMENT });
    }
    await recordAuditEvent(tx, {
      actorId: caller.userId,
      action: `request.${nextState}`,
      entityType: "request",
      entityId: input.requestId,
      requestId: input.requestId,
      before: { state: "submitted" },
      after: { state: nextState, comment: input.comment },
    });
  });
  logger.info({ requestId: input.requestId, reviewerId: caller.userId, decision: input.decision }, "request reviewed");

  if (nextState === "approved") wakeInProcessWorker();
  return { state: nextState, failureReason: null };
}

/**
 * Queues a failed request's job again. Steps already done stay done; after a permanent failure
 * the desired state is written again and every step runs.
 */
export async function retryProvisioning(
  caller: Caller,
  requestId: string,
): Promise<{ state: RequestState; failureReason: string | null }> {
  requirePlatformAdmin(caller);
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
    await materializeApproval(tx, { request, application, plan, environment: config().ONRAMP_ENVIRONMENT });
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
  logger.info({ requestId, userId: caller.userId }, "provisioning retry queued");
  wakeInProcessWorker();
  return { state: "approved", failureReason: null };
}
