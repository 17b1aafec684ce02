import "server-only";

import { alias } from "drizzle-orm/pg-core";
import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";

import { applications, requestComments, requestRevisions, requests, teams, topics, users } from "@/db/schema";
import { authorize, type PolicyResource } from "@/lib/auth/policy";
import type { Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import type { ClusterPlan } from "@/lib/domain/cluster-plan";
import { diffPayloads, type FieldChange } from "@/lib/domain/payload-diff";
import { isCancellable, isEditable, type RequestState, type RequestType } from "@/lib/domain/request-states";
import { reviewStepsFor, type ReviewStep } from "@/lib/domain/review-steps";
import { AppError } from "@/lib/errors";

import { planForRequest } from "./load-request-plan";
import { approvalsOf, policyResourceFor } from "./request-policy-resource";

export interface RequestComment {
  id: string;
  kind: string;
  step: ReviewStep | null;
  body: string;
  author: string;
  createdAt: Date;
}

export interface RequestDetail {
  id: string;
  type: RequestType;
  state: RequestState;
  topicName: string;
  payload: unknown;
  version: number;
  reviewStep: ReviewStep | null;
  reviewSteps: ReviewStep[];
  teamId: string;
  teamName: string;
  topicOwnerTeamId: string | null;
  applicationName: string;
  requestedBy: string;
  createdAt: Date;
  updatedAt: Date;
  failureReason: string | null;
  plan: ClusterPlan;
  /** Fields changed by the last resubmission; empty for a first version. */
  lastChanges: FieldChange[];
  comments: RequestComment[];
  may: { review: boolean; edit: boolean; cancel: boolean; comment: boolean; retry: boolean };
}

const ownerTeams = alias(teams, "owner_teams");

async function selectRequests(where: SQL | undefined) {
  const db = await getDb();
  return db
    .select({
      request: requests,
      application: applications,
      teamName: teams.name,
      requestedBy: users.name,
      topicOwnerTeamId: ownerTeams.id,
    })
    .from(requests)
    .innerJoin(applications, eq(applications.id, requests.applicationId))
    .innerJoin(teams, eq(teams.id, requests.teamId))
    .innerJoin(users, eq(users.id, requests.requestedBy))
    .leftJoin(topics, eq(topics.name, requests.topicName))
    .leftJoin(ownerTeams, eq(ownerTeams.id, topics.ownerTeamId))
    .where(where)
    .orderBy(asc(requests.createdAt));
}

type RequestRowWithJoins = Awaited<ReturnType<typeof selectRequests>>[number];

/** Pairs each row with its policy facts, with one query for all their approvals. */
async function withResources(rows: RequestRowWithJoins[]): Promise<Array<{ row: RequestRowWithJoins; resource: PolicyResource }>> {
  const approvals = await approvalsOf(await getDb(), rows.map((row) => row.request.id));
  return rows.map((row) => ({ row, resource: policyResourceFor(row.request, row.topicOwnerTeamId, approvals) }));
}

async function toDetail(
  row: RequestRowWithJoins,
  caller: Caller,
  withThread: boolean,
  resource: PolicyResource,
): Promise<RequestDetail> {
  const db = await getDb();
  const { request, application } = row;
  const topicOwnerTeamId = resource.topicOwnerTeamId ?? null;

  let comments: RequestComment[] = [];
  let lastChanges: FieldChange[] = [];
  if (withThread) {
    comments = await db
      .select({
        id: requestComments.id,
        kind: requestComments.kind,
        step: requestComments.step,
        body: requestComments.body,
        author: users.name,
        createdAt: requestComments.createdAt,
      })
      .from(requestComments)
      .innerJoin(users, eq(users.id, requestComments.authorId))
      .where(eq(requestComments.requestId, request.id))
      .orderBy(asc(requestComments.createdAt));
    const revisions = await db
      .select({ version: requestRevisions.version, payload: requestRevisions.payload })
      .from(requestRevisions)
      .where(eq(requestRevisions.requestId, request.id))
      .orderBy(desc(requestRevisions.version))
      .limit(2);
    if (revisions.length === 2) {
      lastChanges = diffPayloads(revisions[1]!.payload as Record<string, unknown>, revisions[0]!.payload as Record<string, unknown>);
    }
  }

  return {
    id: request.id,
    type: request.type,
    state: request.state,
    topicName: request.topicName,
    payload: request.payload,
    version: request.version,
    reviewStep: request.reviewStep,
    reviewSteps: reviewStepsFor(request.type, { requesterOwnsTopic: topicOwnerTeamId === request.teamId }),
    teamId: request.teamId,
    teamName: row.teamName,
    topicOwnerTeamId,
    applicationName: application.name,
    requestedBy: row.requestedBy,
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
    failureReason: request.failureReason,
    plan: await planForRequest(db, request, application),
    lastChanges,
    comments,
    may: {
      review: request.state === "submitted" && authorize(caller, "request.review", resource).allowed,
      edit: isEditable(request.state) && authorize(caller, "request.edit", resource).allowed,
      cancel: isCancellable(request.state) && authorize(caller, "request.cancel", resource).allowed,
      comment: authorize(caller, "request.comment", resource).allowed,
      retry: request.state === "failed" && authorize(caller, "request.retry").allowed,
    },
  };
}

/** Loads one request with its plan, conversation and last changes, for those allowed to see it. */
export async function getRequestDetail(caller: Caller, requestId: string): Promise<RequestDetail | null> {
  const [row] = await selectRequests(eq(requests.id, requestId));
  if (!row) return null;
  const resource = policyResourceFor(row.request, row.topicOwnerTeamId, await approvalsOf(await getDb(), [row.request.id]));
  const decision = authorize(caller, "request.read", resource);
  if (!decision.allowed) throw new AppError("forbidden", decision.reason);
  return toDetail(row, caller, true, resource);
}

export interface QueueFilters {
  type?: RequestType;
  teamId?: string;
}

/**
 * Submitted requests waiting for the caller, oldest first: those at the platform step for
 * administrators, and access requests at the owner step for the topic's owning team. Requests
 * the caller may not decide (their own team's) are left out.
 */
export async function listReviewQueue(caller: Caller, filters: QueueFilters = {}): Promise<RequestDetail[]> {
  const mine = await reviewableRows(caller, filters);
  return Promise.all(mine.map(({ row, resource }) => toDetail(row, caller, false, resource)));
}

async function reviewableRows(caller: Caller, filters: QueueFilters) {
  const rows = await selectRequests(
    and(
      eq(requests.state, "submitted"),
      filters.type ? eq(requests.type, filters.type) : undefined,
      filters.teamId ? eq(requests.teamId, filters.teamId) : undefined,
    ),
  );
  return (await withResources(rows)).filter(({ resource }) => authorize(caller, "request.review", resource).allowed);
}

/** Requests whose provisioning is running or failed, oldest first, for administrators. */
export async function listProvisioningAttention(caller: Caller): Promise<RequestDetail[]> {
  const decision = authorize(caller, "request.retry");
  if (!decision.allowed) throw new AppError("forbidden", decision.reason);
  const rows = await selectRequests(inArray(requests.state, ["approved", "provisioning", "failed"]));
  return Promise.all((await withResources(rows)).map(({ row, resource }) => toDetail(row, caller, false, resource)));
}

/** Counts the requests waiting for the caller's review, for the navigation, without their plans. */
export async function countReviewQueue(caller: Caller): Promise<number> {
  return (await reviewableRows(caller, {})).length;
}
