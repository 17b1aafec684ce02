import "server-only";

import { and, eq } from "drizzle-orm";

import { requestComments, requests, topics } from "@/db/schema";
import type { PolicyResource } from "@/lib/auth/policy";
import type { Queryable } from "@/lib/db";
import { reviewStepsFor, type ReviewStep } from "@/lib/domain/review-steps";
import { notFound } from "@/lib/errors";

export type RequestRecord = typeof requests.$inferSelect;

export interface RequestContext {
  request: RequestRecord;
  /** The team that owns the request's topic; null while a new topic is only proposed. */
  topicOwnerTeamId: string | null;
  /** The review steps this request needs, in order. */
  steps: ReviewStep[];
  /** The facts the policy decides on for this request. */
  resource: PolicyResource;
}

/** Loads a request with the facts that decisions on it need, or throws not found. */
export async function loadRequestContext(db: Queryable, requestId: string): Promise<RequestContext> {
  const [request] = await db.select().from(requests).where(eq(requests.id, requestId));
  if (!request) throw notFound("Request", requestId);

  const [topic] = await db.select({ ownerTeamId: topics.ownerTeamId }).from(topics).where(eq(topics.name, request.topicName));
  const topicOwnerTeamId = request.type === "new_topic" ? null : (topic?.ownerTeamId ?? null);
  const steps = reviewStepsFor(request.type, { requesterOwnsTopic: topicOwnerTeamId === request.teamId });

  // One person approves at most one step: approvals at other steps, in any round of review,
  // keep their author from approving this one.
  const approvals = await db
    .select({ authorId: requestComments.authorId, step: requestComments.step })
    .from(requestComments)
    .where(and(eq(requestComments.requestId, requestId), eq(requestComments.kind, "approved")));

  return {
    request,
    topicOwnerTeamId,
    steps,
    resource: {
      teamId: request.teamId,
      topicOwnerTeamId,
      reviewStep: request.reviewStep,
      priorApproverIds: approvals.filter((approval) => approval.step !== request.reviewStep).map((approval) => approval.authorId),
      isDraft: request.state === "draft",
    },
  };
}

