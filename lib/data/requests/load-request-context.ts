import "server-only";

import { eq } from "drizzle-orm";

import { requests, topics } from "@/db/schema";
import type { PolicyResource } from "@/lib/auth/policy";
import type { Queryable } from "@/lib/db";
import { reviewStepsFor, type ReviewStep } from "@/lib/domain/review-steps";
import { notFound } from "@/lib/errors";

import { approvalsOf, policyResourceFor } from "./request-policy-resource";

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

  return {
    request,
    topicOwnerTeamId,
    steps,
    resource: policyResourceFor(request, topicOwnerTeamId, await approvalsOf(db, [requestId])),
  };
}

