import "server-only";

import { and, eq, sql } from "drizzle-orm";

import { requestComments, requests } from "@/db/schema";
import { assertAllowed } from "@/lib/auth/assert-allowed";
import type { Caller } from "@/lib/auth/caller";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db";
import { assertTransition, type RequestState } from "@/lib/domain/request-states";
import { nextReviewStep, type ReviewStep } from "@/lib/domain/review-steps";
import type { RequestEvent } from "@/lib/domain/notification-rules";
import type { ReviewDecision, ReviewInput } from "@/lib/domain/schemas";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { materializeApproval } from "@/lib/provisioning/materialize-approval";
import { wakeInProcessWorker } from "@/lib/provisioning/worker";

import { recordAuditEvent } from "../audit/record-audit-event";
import { notifyRequestEvent } from "../notifications/notify";
import { loadRequestContext } from "./load-request-context";
import { loadRequestPlan } from "./load-request-plan";

/** The state a rejection or a request for changes leads to. */
const DECISION_STATES: Record<Exclude<ReviewDecision, "approve">, RequestState> = {
  reject: "rejected",
  request_changes: "changes_requested",
};

/** The comment kind of each decision, in the conversation and in notifications. */
const COMMENT_KINDS = {
  approve: "approved",
  reject: "rejected",
  request_changes: "changes_requested",
} as const satisfies Record<ReviewDecision, string>;

export interface ReviewOutcome {
  state: RequestState;
  reviewStep: ReviewStep | null;
}

/**
 * Records a reviewer's decision at the step the request waits at. Approving a step that is not
 * the last moves the request to the next step; approving the last writes the desired state and
 * queues the provisioning job in the same transaction, so it succeeds while the cluster is down.
 * Nobody decides on their own team's request, at any step.
 */
export async function reviewRequest(caller: Caller, input: ReviewInput): Promise<ReviewOutcome> {
  const db = await getDb();

  const outcome = await db.transaction(async (tx) => {
    const context = await loadRequestContext(tx, input.requestId);
    const { request, steps } = context;
    // Only people who may see the request learn its state from the refusal below.
    assertAllowed(caller, "request.read", context.resource);
    if (request.state !== "submitted" || !request.reviewStep) {
      throw new AppError("conflict", `This request is ${request.state.replace("_", " ")} and not waiting for a review; reload the page.`);
    }
    assertAllowed(caller, "request.review", context.resource);

    const step = request.reviewStep;
    const next = input.decision === "approve" ? nextReviewStep(steps, step) : null;
    let state: RequestState;
    if (input.decision !== "approve") state = DECISION_STATES[input.decision];
    else state = next ? "submitted" : "approved";
    if (state !== "submitted") assertTransition(request.state, state);

    // Only a request still at this step changes, so of two reviewers clicking at once one wins.
    const [updated] = await tx
      .update(requests)
      .set({
        state,
        reviewStep: state === "submitted" ? next : null,
        reviewedBy: caller.userId,
        reviewedAt: sql`now()`,
        reviewComment: input.comment,
        updatedAt: sql`now()`,
      })
      .where(and(eq(requests.id, request.id), eq(requests.state, "submitted"), eq(requests.reviewStep, step)))
      .returning({ id: requests.id });
    if (!updated) {
      throw new AppError("conflict", "This request was already reviewed by someone else; reload the page to see the decision.");
    }

    const kind = COMMENT_KINDS[input.decision];
    await tx.insert(requestComments).values({ requestId: request.id, authorId: caller.userId, kind, step, body: input.comment });
    await recordAuditEvent(tx, {
      actorId: caller.userId,
      action: next ? "request.step_approved" : `request.${state}`,
      entityType: "request",
      entityId: request.id,
      requestId: request.id,
      before: { state: request.state, reviewStep: step },
      after: { state, reviewStep: state === "submitted" ? next : null, comment: input.comment },
    });

    if (state === "approved") {
      const { application, plan } = await loadRequestPlan(tx, request.id);
      const refreshed = { ...request, state };
      await materializeApproval(tx, { request: refreshed, application, plan, environment: config().ONRAMP_ENVIRONMENT });
    }

    const event: RequestEvent = next ? { kind: "step_approved", step, nextStep: next } : { kind: COMMENT_KINDS[input.decision] };
    await notifyRequestEvent(tx, { event, request, actorId: caller.userId });
    return { state, reviewStep: state === "submitted" ? next : null };
  });

  logger.info({ requestId: input.requestId, reviewerId: caller.userId, decision: input.decision, state: outcome.state }, "request reviewed");
  if (outcome.state === "approved") wakeInProcessWorker();
  return outcome;
}
