import type { ReviewStep } from "@/lib/domain/review-steps";

/**
 * Who may do what. Server actions and route handlers ask `authorize` before they act, and data
 * functions ask it again with the resource they loaded; nothing else decides.
 *
 * Roles: a platform administrator (from configuration), a team owner, a team member, and a
 * signed-in viewer who belongs to no team. One person can hold several.
 */
export type Role = "platform_admin" | "team_owner" | "team_member" | "viewer";

/** The parts of the signed-in person that decisions need. */
export interface Principal {
  userId: string;
  isPlatformAdmin: boolean;
  teams: Array<{ id: string; role: "owner" | "member" }>;
}

export type PolicyAction =
  | "catalog.read"
  | "notifications.read"
  | "team.create"
  | "team.read"
  | "team.manage_members"
  | "application.register"
  | "credential.reveal"
  | "topic.propose"
  | "access.request"
  | "request.read"
  | "request.comment"
  | "request.edit"
  | "request.cancel"
  | "request.review"
  | "request.retry"
  | "grant.revoke"
  | "queue.read"
  | "drift.read"
  | "drift.apply"
  | "audit.read";

/**
 * The roles that may ever take each action. A role listed here may still be denied for a given
 * resource, for example a member of another team.
 */
export const ACTION_ROLES: Record<PolicyAction, readonly Role[]> = {
  "catalog.read": ["viewer", "team_member", "team_owner", "platform_admin"],
  "notifications.read": ["viewer", "team_member", "team_owner", "platform_admin"],
  "team.create": ["viewer", "team_member", "team_owner", "platform_admin"],
  "team.read": ["team_member", "team_owner", "platform_admin"],
  "team.manage_members": ["team_owner", "platform_admin"],
  "application.register": ["team_owner", "platform_admin"],
  "credential.reveal": ["team_member", "team_owner"],
  "topic.propose": ["team_member", "team_owner"],
  "access.request": ["team_member", "team_owner"],
  "request.read": ["team_member", "team_owner", "platform_admin"],
  "request.comment": ["team_member", "team_owner", "platform_admin"],
  "request.edit": ["team_member", "team_owner"],
  "request.cancel": ["team_member", "team_owner"],
  "request.review": ["team_member", "team_owner", "platform_admin"],
  "request.retry": ["platform_admin"],
  "grant.revoke": ["team_member", "team_owner", "platform_admin"],
  "queue.read": ["team_member", "team_owner", "platform_admin"],
  "drift.read": ["platform_admin"],
  "drift.apply": ["platform_admin"],
  "audit.read": ["platform_admin"],
};

export function rolesOf(principal: Principal): Role[] {
  const roles: Role[] = [];
  if (principal.isPlatformAdmin) roles.push("platform_admin");
  if (principal.teams.some((team) => team.role === "owner")) roles.push("team_owner");
  if (principal.teams.length > 0) roles.push("team_member");
  if (roles.length === 0 || !roles.includes("team_member")) roles.push("viewer");
  return roles;
}

/** Facts about the resource that resource-level rules need. */
export interface PolicyResource {
  /** The team the resource belongs to: an application's or a request's team. */
  teamId?: string;
  /** The team that owns the topic the request or grant is about. */
  topicOwnerTeamId?: string | null;
  /** The review step a request waits at. */
  reviewStep?: ReviewStep | null;
  /** People who already approved an earlier step of the request. */
  priorApproverIds?: readonly string[];
  /** Drafts are visible to the requesting team only. */
  isDraft?: boolean;
}

export type Decision = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: Decision = { allowed: true };

function deny(reason: string): Decision {
  return { allowed: false, reason };
}

function memberOf(principal: Principal, teamId: string | null | undefined): boolean {
  return Boolean(teamId) && principal.teams.some((team) => team.id === teamId);
}

function ownerOf(principal: Principal, teamId: string | null | undefined): boolean {
  return Boolean(teamId) && principal.teams.some((team) => team.id === teamId && team.role === "owner");
}

/**
 * Decides whether a principal (null when signed out) may take an action, on a resource when one
 * is given. Without a resource only the role is checked.
 */
export function authorize(principal: Principal | null, action: PolicyAction, resource?: PolicyResource): Decision {
  if (!principal) return deny("Sign in to continue.");
  const roles = rolesOf(principal);
  if (!ACTION_ROLES[action].some((role) => roles.includes(role))) {
    return deny(roleDenial(action));
  }
  if (!resource) return ALLOWED;

  switch (action) {
    case "team.manage_members":
    case "application.register":
      return principal.isPlatformAdmin || ownerOf(principal, resource.teamId)
        ? ALLOWED
        : deny("Only the team's owners can manage its members and applications.");
    case "team.read":
      return principal.isPlatformAdmin || memberOf(principal, resource.teamId)
        ? ALLOWED
        : deny("You are not a member of this team; ask one of its owners to add you.");
    case "credential.reveal":
    case "topic.propose":
    case "access.request":
    case "request.edit":
    case "request.cancel":
      return memberOf(principal, resource.teamId)
        ? ALLOWED
        : deny("You are not a member of this team; ask one of its owners to add you.");
    case "request.read":
    case "request.comment":
      if (resource.isDraft) {
        return memberOf(principal, resource.teamId) ? ALLOWED : deny("Only the requesting team can see its drafts.");
      }
      return principal.isPlatformAdmin || memberOf(principal, resource.teamId) || memberOf(principal, resource.topicOwnerTeamId)
        ? ALLOWED
        : deny("Only the requesting team, the topic's owning team and platform administrators can see this request.");
    case "request.review":
      return authorizeReview(principal, resource);
    case "grant.revoke":
      return principal.isPlatformAdmin || memberOf(principal, resource.topicOwnerTeamId)
        ? ALLOWED
        : deny("Only the topic's owning team and platform administrators can revoke its access.");
    default:
      return ALLOWED;
  }
}

function authorizeReview(principal: Principal, resource: PolicyResource): Decision {
  if (memberOf(principal, resource.teamId)) {
    return deny("You cannot review a request from your own team; someone outside it must review it.");
  }
  if (resource.priorApproverIds?.includes(principal.userId)) {
    return deny("You already approved an earlier step of this request; another person must approve this one.");
  }
  if (resource.reviewStep === "owner") {
    return memberOf(principal, resource.topicOwnerTeamId)
      ? ALLOWED
      : deny("This request waits for the topic's owning team to review it first.");
  }
  if (resource.reviewStep === "platform") {
    return principal.isPlatformAdmin ? ALLOWED : deny("Only platform administrators can review this step.");
  }
  return deny("This request is not waiting for a review.");
}

function roleDenial(action: PolicyAction): string {
  const roles = ACTION_ROLES[action];
  if (roles.length === 1 && roles[0] === "platform_admin") return "Only platform administrators can do this.";
  if (roles.includes("team_owner") && !roles.includes("team_member")) {
    return "Only the team's owners can do this; ask one of them.";
  }
  if (!roles.includes("viewer")) return "Join a team first: only team members can do this.";
  return "You are not allowed to do this.";
}

/** True when some signed-in person with this role may take the action. */
export function roleMayEver(role: Role, action: PolicyAction): boolean {
  return ACTION_ROLES[action].includes(role);
}
