import "server-only";

import { alias } from "drizzle-orm/pg-core";
import { asc, eq, inArray, type SQL } from "drizzle-orm";

import { applications, requests, teams, users } from "@/db/schema";
import { isTeamMember, type Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import type { ClusterPlan } from "@/lib/domain/cluster-plan";
import type { RequestState, RequestType } from "@/lib/domain/request-states";
import { AppError } from "@/lib/errors";

import { planForRequest } from "./load-request-plan";

export interface RequestDetail {
  id: string;
  type: RequestType;
  state: RequestState;
  topicName: string;
  payload: unknown;
  teamId: string;
  teamName: string;
  applicationName: string;
  requestedBy: string;
  createdAt: Date;
  updatedAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewComment: string | null;
  failureReason: string | null;
  plan: ClusterPlan;
  /** True when the caller is an administrator outside the requesting team. */
  callerMayReview: boolean;
}

const reviewers = alias(users, "reviewers");

function detailQuery() {
  return {
    request: requests,
    application: applications,
    teamName: teams.name,
    requestedBy: users.name,
    reviewedBy: reviewers.name,
  };
}

async function selectDetails(where: SQL | undefined) {
  const db = await getDb();
  return db
    .select(detailQuery())
    .from(requests)
    .innerJoin(applications, eq(applications.id, requests.applicationId))
    .innerJoin(teams, eq(teams.id, requests.teamId))
    .innerJoin(users, eq(users.id, requests.requestedBy))
    .leftJoin(reviewers, eq(reviewers.id, requests.reviewedBy))
    .where(where)
    .orderBy(asc(requests.createdAt));
}

function toDetail(row: Awaited<ReturnType<typeof selectDetails>>[number], caller: Caller): RequestDetail {
  const { request, application } = row;
  return {
    id: request.id,
    type: request.type,
    state: request.state,
    topicName: request.topicName,
    payload: request.payload,
    teamId: request.teamId,
    teamName: row.teamName,
    applicationName: application.name,
    requestedBy: row.requestedBy,
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
    reviewedBy: row.reviewedBy,
    reviewedAt: request.reviewedAt,
    reviewComment: request.reviewComment,
    failureReason: request.failureReason,
    plan: planForRequest(request, application),
    callerMayReview: caller.isPlatformAdmin && !isTeamMember(caller, request.teamId),
  };
}

/** One request with its cluster plan, visible to the requesting team and to administrators. */
export async function getRequestDetail(caller: Caller, requestId: string): Promise<RequestDetail | null> {
  const [row] = await selectDetails(eq(requests.id, requestId));
  if (!row) return null;
  if (!caller.isPlatformAdmin && !isTeamMember(caller, row.request.teamId)) {
    throw new AppError("forbidden", "Only the requesting team and platform administrators can see this request.");
  }
  return toDetail(row, caller);
}

/** Submitted requests, oldest first, each with the exact cluster changes it will make. */
export async function listReviewQueue(caller: Caller): Promise<RequestDetail[]> {
  if (!caller.isPlatformAdmin) {
    throw new AppError("forbidden", "Only platform administrators can see the approval queue.");
  }
  const rows = await selectDetails(eq(requests.state, "submitted"));
  return rows.map((row) => toDetail(row, caller));
}

/** Requests whose provisioning failed or is still running, oldest first, for administrators. */
export async function listProvisioningAttention(caller: Caller): Promise<RequestDetail[]> {
  if (!caller.isPlatformAdmin) {
    throw new AppError("forbidden", "Only platform administrators can see provisioning jobs.");
  }
  const rows = await selectDetails(inArray(requests.state, ["approved", "provisioning", "failed"]));
  return rows.map((row) => toDetail(row, caller));
}
