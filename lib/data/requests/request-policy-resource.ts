import "server-only";

import { and, eq, inArray } from "drizzle-orm";

import { requestComments, requests } from "@/db/schema";
import type { PolicyResource } from "@/lib/auth/policy";
import type { Queryable } from "@/lib/db";
import type { ReviewStep } from "@/lib/domain/review-steps";

export interface Approval {
  requestId: string;
  authorId: string;
  step: ReviewStep | null;
}

/** Loads the approvals of the given requests in one query. */
export async function approvalsOf(db: Queryable, requestIds: string[]): Promise<Approval[]> {
  if (requestIds.length === 0) return [];
  return db
    .select({ requestId: requestComments.requestId, authorId: requestComments.authorId, step: requestComments.step })
    .from(requestComments)
    .where(and(inArray(requestComments.requestId, requestIds), eq(requestComments.kind, "approved")));
}

/**
 * Builds the facts the policy decides on for a request. One person approves at most one step,
 * so approvals at other steps, in any round of review, count as prior approvals.
 */
export function policyResourceFor(
  request: typeof requests.$inferSelect,
  topicOwnerTeamId: string | null,
  approvals: Approval[],
): PolicyResource {
  return {
    teamId: request.teamId,
    topicOwnerTeamId: request.type === "new_topic" ? null : topicOwnerTeamId,
    reviewStep: request.reviewStep,
    priorApproverIds: approvals
      .filter((approval) => approval.requestId === request.id && approval.step !== request.reviewStep)
      .map((approval) => approval.authorId),
    isDraft: request.state === "draft",
  };
}
