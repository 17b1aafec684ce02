import "server-only";

import { and, eq, sql } from "drizzle-orm";

import { requests } from "@/db/schema";
import { isTeamMember, requirePlatformAdmin, type Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import type { RequestState } from "@/lib/domain/request-states";
import type { ReviewInput } from "@/lib/domain/schemas";
import { AppError, notFound } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { provisionRequest } from "@/lib/provisioning/provision-request";

import { recordAuditEvent } from "../audit/record-audit-event";

/**
 * Approves or rejects a submitted request. An approval then provisions it at once; the returned
 * state is `provisioned` or `failed`. A reviewer never decides on their own team's request.
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

  if (nextState === "rejected") return { state: "rejected", failureReason: null };
  return provisionRequest(input.requestId, caller.userId);
}

/** Runs provisioning again for a failed request, for example after the cluster was repaired. */
export async function retryProvisioning(
  caller: Caller,
  requestId: string,
): Promise<{ state: RequestState; failureReason: string | null }> {
  requirePlatformAdmin(caller);
  const db = await getDb();
  const [request] = await db
    .select({ state: requests.state })
    .from(requests)
    .where(eq(requests.id, requestId));
  if (!request) throw notFound("Request", requestId);
  if (request.state !== "failed") {
    throw new AppError("conflict", `Only failed requests can be retried; this one is ${request.state}.`);
  }
  return provisionRequest(requestId, caller.userId);
}
