import type { PolicyAction } from "./policy";

/**
 * The policy action that each server action and route handler checks. Server actions look their
 * entry up by name before doing anything; the authorization test fails for any server action or
 * route handler missing here. "public" marks the sign-in endpoints.
 */
export const SERVER_ACTION_POLICIES = {
  addCommentAction: "request.comment",
  addTeamMemberAction: "team.manage_members",
  applyDriftRepairsAction: "drift.apply",
  cancelRequestAction: "request.cancel",
  createTeamAction: "team.create",
  devSignInAction: "public",
  markNotificationsReadAction: "notifications.read",
  oidcSignInAction: "public",
  proposeTopicAction: "topic.propose",
  registerApplicationAction: "application.register",
  removeTeamMemberAction: "team.manage_members",
  requestAccessAction: "access.request",
  retryProvisioningAction: "request.retry",
  revealCredentialAction: "credential.reveal",
  reviewRequestAction: "request.review",
  reviseAccessRequestAction: "request.edit",
  reviseTopicRequestAction: "request.edit",
  revokeGrantAction: "grant.revoke",
  signOutAction: "public",
} as const satisfies Record<string, PolicyAction | "public">;

export type ServerActionName = keyof typeof SERVER_ACTION_POLICIES;

/** Route handlers by path and method. */
export const ROUTE_POLICIES = {
  "GET /api/requests/[id]": "request.read",
  "GET /api/audit/export": "audit.read",
  "GET /api/auth/[...nextauth]": "public",
  "POST /api/auth/[...nextauth]": "public",
} as const satisfies Record<string, PolicyAction | "public">;
