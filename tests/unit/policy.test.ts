import { describe, expect, it } from "vitest";

import {
  ACTION_ROLES,
  authorize,
  roleMayEver,
  rolesOf,
  type PolicyAction,
  type PolicyResource,
  type Principal,
  type Role,
} from "@/lib/auth/policy";

const TEAM_A = "team-a";
const TEAM_B = "team-b";
const TEAM_C = "team-c";

const PRINCIPALS = {
  viewer: { userId: "viewer", isPlatformAdmin: false, teams: [] },
  memberA: { userId: "member-a", isPlatformAdmin: false, teams: [{ id: TEAM_A, role: "member" }] },
  ownerA: { userId: "owner-a", isPlatformAdmin: false, teams: [{ id: TEAM_A, role: "owner" }] },
  memberB: { userId: "member-b", isPlatformAdmin: false, teams: [{ id: TEAM_B, role: "member" }] },
  ownerB: { userId: "owner-b", isPlatformAdmin: false, teams: [{ id: TEAM_B, role: "owner" }] },
  memberC: { userId: "member-c", isPlatformAdmin: false, teams: [{ id: TEAM_C, role: "member" }] },
  ownerC: { userId: "owner-c", isPlatformAdmin: false, teams: [{ id: TEAM_C, role: "owner" }] },
  admin: { userId: "admin", isPlatformAdmin: true, teams: [] },
  adminMemberA: { userId: "admin-member-a", isPlatformAdmin: true, teams: [{ id: TEAM_A, role: "member" }] },
  adminMemberC: { userId: "admin-member-c", isPlatformAdmin: true, teams: [{ id: TEAM_C, role: "member" }] },
} satisfies Record<string, Principal>;

type PrincipalName = keyof typeof PRINCIPALS;

/** The five signed-in principals of the role-only table. Signed-out callers are checked separately. */
const ROLE_TABLE_PRINCIPALS = ["viewer", "memberA", "ownerA", "admin", "adminMemberA"] as const;
type RoleTablePrincipal = (typeof ROLE_TABLE_PRINCIPALS)[number];

const EVERYONE: RoleTablePrincipal[] = ["viewer", "memberA", "ownerA", "admin", "adminMemberA"];
const TEAM_MEMBERS_AND_ADMINS: RoleTablePrincipal[] = ["memberA", "ownerA", "admin", "adminMemberA"];
const TEAM_MEMBERS: RoleTablePrincipal[] = ["memberA", "ownerA", "adminMemberA"];
const OWNERS_AND_ADMINS: RoleTablePrincipal[] = ["ownerA", "admin", "adminMemberA"];
const ADMINS: RoleTablePrincipal[] = ["admin", "adminMemberA"];

// Who passes the role check for each action, written out independently of ACTION_ROLES.
const ALLOWED_WITHOUT_RESOURCE: Record<PolicyAction, RoleTablePrincipal[]> = {
  "catalog.read": EVERYONE,
  "notifications.read": EVERYONE,
  "team.create": EVERYONE,
  "team.read": TEAM_MEMBERS_AND_ADMINS,
  "team.manage_members": OWNERS_AND_ADMINS,
  "application.register": OWNERS_AND_ADMINS,
  "credential.reveal": TEAM_MEMBERS,
  "topic.propose": TEAM_MEMBERS,
  "access.request": TEAM_MEMBERS,
  "request.read": TEAM_MEMBERS_AND_ADMINS,
  "request.comment": TEAM_MEMBERS_AND_ADMINS,
  "request.edit": TEAM_MEMBERS,
  "request.cancel": TEAM_MEMBERS,
  "request.review": TEAM_MEMBERS_AND_ADMINS,
  "request.retry": ADMINS,
  "grant.revoke": TEAM_MEMBERS_AND_ADMINS,
  "queue.read": TEAM_MEMBERS_AND_ADMINS,
  "drift.read": ADMINS,
  "drift.apply": ADMINS,
  "audit.read": ADMINS,
};

const ALL_ACTIONS = Object.keys(ALLOWED_WITHOUT_RESOURCE) as PolicyAction[];
const ADMIN_ONLY_ACTIONS: PolicyAction[] = ["request.retry", "drift.read", "drift.apply", "audit.read"];
const OWNER_ONLY_ACTIONS: PolicyAction[] = ["team.manage_members", "application.register"];

const ROLE_TABLE = ALL_ACTIONS.flatMap((action) =>
  ROLE_TABLE_PRINCIPALS.map((principal) => ({
    action,
    principal,
    allowed: ALLOWED_WITHOUT_RESOURCE[action].includes(principal),
  })),
);

const ROLE_DENIALS = ROLE_TABLE.filter((row) => !row.allowed);

/**
 * Returns the text a role denial must contain. Admin-only actions name administrators, and the
 * rest ask to join a team.
 */
function expectedRoleReason(action: PolicyAction): string {
  if (ADMIN_ONLY_ACTIONS.includes(action)) return "platform administrators";
  return OWNER_ONLY_ACTIONS.includes(action) ? "team's owners" : "Join a team";
}

function reasonOf(principal: PrincipalName | null, action: PolicyAction, resource?: PolicyResource): string {
  const decision = authorize(principal === null ? null : PRINCIPALS[principal], action, resource);
  return decision.allowed ? "" : decision.reason;
}

function allowed(principal: PrincipalName | null, action: PolicyAction, resource?: PolicyResource): boolean {
  return authorize(principal === null ? null : PRINCIPALS[principal], action, resource).allowed;
}

describe("rolesOf", () => {
  it.each<{ principal: PrincipalName; roles: Role[] }>([
    { principal: "viewer", roles: ["viewer"] },
    { principal: "memberA", roles: ["team_member"] },
    { principal: "ownerA", roles: ["team_member", "team_owner"] },
    { principal: "admin", roles: ["platform_admin", "viewer"] },
    { principal: "adminMemberA", roles: ["platform_admin", "team_member"] },
  ])("roles of $principal", ({ principal, roles }) => {
    expect([...rolesOf(PRINCIPALS[principal])].sort()).toEqual(roles);
  });

  it("owner of one team, member of another", () => {
    const principal: Principal = {
      userId: "mixed",
      isPlatformAdmin: false,
      teams: [
        { id: TEAM_A, role: "member" },
        { id: TEAM_B, role: "owner" },
      ],
    };
    expect([...rolesOf(principal)].sort()).toEqual(["team_member", "team_owner"]);
  });
});

describe("ACTION_ROLES", () => {
  it("lists every policy action", () => {
    expect(Object.keys(ACTION_ROLES).sort()).toEqual([...ALL_ACTIONS].sort());
  });

  it.each(ALL_ACTIONS)("%s has at least one role", (action) => {
    expect(ACTION_ROLES[action].length).toBeGreaterThan(0);
  });

  it.each(ADMIN_ONLY_ACTIONS)("%s is admin only", (action) => {
    expect(ACTION_ROLES[action]).toEqual(["platform_admin"]);
  });

  it.each(["credential.reveal", "topic.propose", "access.request", "request.edit", "request.cancel"] as PolicyAction[])(
    "%s excludes platform admins",
    (action) => {
      expect(ACTION_ROLES[action]).not.toContain("platform_admin");
    },
  );
});

describe("roleMayEver", () => {
  it.each<{ role: Role; action: PolicyAction; expected: boolean }>([
    { role: "viewer", action: "catalog.read", expected: true },
    { role: "viewer", action: "team.create", expected: true },
    { role: "viewer", action: "team.read", expected: false },
    { role: "viewer", action: "request.review", expected: false },
    { role: "team_member", action: "access.request", expected: true },
    { role: "team_member", action: "team.manage_members", expected: false },
    { role: "team_member", action: "request.retry", expected: false },
    { role: "team_owner", action: "application.register", expected: true },
    { role: "team_owner", action: "audit.read", expected: false },
    { role: "platform_admin", action: "drift.apply", expected: true },
    { role: "platform_admin", action: "credential.reveal", expected: false },
    { role: "platform_admin", action: "topic.propose", expected: false },
  ])("$role may $action: $expected", ({ role, action, expected }) => {
    expect(roleMayEver(role, action)).toBe(expected);
  });

  it.each(ROLE_TABLE)("agrees with authorize: $action, $principal", ({ action, principal }) => {
    const anyRoleMay = rolesOf(PRINCIPALS[principal]).some((role) => roleMayEver(role, action));
    expect(anyRoleMay).toBe(allowed(principal, action));
  });
});

describe("authorize without resource", () => {
  it.each(ROLE_TABLE)("$action by $principal: $allowed", ({ action, principal, allowed: expected }) => {
    expect(allowed(principal, action)).toBe(expected);
  });

  it.each(ALL_ACTIONS)("%s denied when signed out", (action) => {
    expect(allowed(null, action)).toBe(false);
  });

  it.each(ALL_ACTIONS)("%s asks signed out to sign in", (action) => {
    expect(reasonOf(null, action)).toContain("Sign in");
  });

  it.each(ALL_ACTIONS)("%s with resource, signed out", (action) => {
    expect(reasonOf(null, action, { teamId: TEAM_A, topicOwnerTeamId: TEAM_C, reviewStep: "platform" })).toContain(
      "Sign in",
    );
  });

  it.each(ROLE_DENIALS.filter((row) => !(OWNER_ONLY_ACTIONS.includes(row.action) && row.principal === "memberA")))(
    "$action by $principal gives reason",
    ({ action, principal }) => {
      expect(reasonOf(principal, action)).toContain(expectedRoleReason(action));
    },
  );

  it.each(OWNER_ONLY_ACTIONS)("%s by member names owners", (action) => {
    expect(reasonOf("memberA", action, { teamId: TEAM_A })).toContain("owners");
  });
});

describe("authorize team and application rules", () => {
  it.each<{ action: PolicyAction; principal: PrincipalName; teamId: string; expected: boolean }>([
    { action: "team.manage_members", principal: "ownerA", teamId: TEAM_A, expected: true },
    { action: "team.manage_members", principal: "memberA", teamId: TEAM_A, expected: false },
    { action: "team.manage_members", principal: "ownerB", teamId: TEAM_A, expected: false },
    { action: "team.manage_members", principal: "memberB", teamId: TEAM_A, expected: false },
    { action: "team.manage_members", principal: "viewer", teamId: TEAM_A, expected: false },
    { action: "team.manage_members", principal: "admin", teamId: TEAM_A, expected: true },
    { action: "team.manage_members", principal: "adminMemberA", teamId: TEAM_B, expected: true },
    { action: "application.register", principal: "ownerA", teamId: TEAM_A, expected: true },
    { action: "application.register", principal: "memberA", teamId: TEAM_A, expected: false },
    { action: "application.register", principal: "ownerB", teamId: TEAM_A, expected: false },
    { action: "application.register", principal: "memberB", teamId: TEAM_A, expected: false },
    { action: "application.register", principal: "viewer", teamId: TEAM_A, expected: false },
    { action: "application.register", principal: "admin", teamId: TEAM_A, expected: true },
    { action: "application.register", principal: "adminMemberA", teamId: TEAM_B, expected: true },
    { action: "team.read", principal: "memberA", teamId: TEAM_A, expected: true },
    { action: "team.read", principal: "ownerA", teamId: TEAM_A, expected: true },
    { action: "team.read", principal: "memberB", teamId: TEAM_A, expected: false },
    { action: "team.read", principal: "ownerB", teamId: TEAM_A, expected: false },
    { action: "team.read", principal: "viewer", teamId: TEAM_A, expected: false },
    { action: "team.read", principal: "admin", teamId: TEAM_A, expected: true },
    { action: "team.read", principal: "adminMemberA", teamId: TEAM_B, expected: true },
  ])("$action on $teamId by $principal", ({ action, principal, teamId, expected }) => {
    expect(allowed(principal, action, { teamId })).toBe(expected);
  });

  it.each(OWNER_ONLY_ACTIONS)("%s by other owner gives reason", (action) => {
    expect(reasonOf("ownerB", action, { teamId: TEAM_A })).toContain("team's owners");
  });

  it("team.read by outsider gives reason", () => {
    expect(reasonOf("memberB", "team.read", { teamId: TEAM_A })).toContain("not a member of this team");
  });

  it("team.read without teamId denied", () => {
    expect(allowed("memberA", "team.read", {})).toBe(false);
  });
});

describe("authorize own team actions", () => {
  const OWN_TEAM_ACTIONS: PolicyAction[] = [
    "credential.reveal",
    "topic.propose",
    "access.request",
    "request.edit",
    "request.cancel",
  ];

  const CASES = OWN_TEAM_ACTIONS.flatMap((action) =>
    (
      [
        { principal: "memberA", expected: true },
        { principal: "ownerA", expected: true },
        { principal: "adminMemberA", expected: true },
        { principal: "memberB", expected: false },
        { principal: "ownerB", expected: false },
        { principal: "memberC", expected: false },
        { principal: "viewer", expected: false },
        { principal: "admin", expected: false },
        { principal: "adminMemberC", expected: false },
      ] satisfies Array<{ principal: PrincipalName; expected: boolean }>
    ).map((row) => ({ action, ...row })),
  );

  it.each(CASES)("$action on team A by $principal", ({ action, principal, expected }) => {
    expect(allowed(principal, action, { teamId: TEAM_A, topicOwnerTeamId: TEAM_C })).toBe(expected);
  });

  it.each(OWN_TEAM_ACTIONS)("%s by outsider gives reason", (action) => {
    expect(reasonOf("memberB", action, { teamId: TEAM_A })).toContain("not a member of this team");
  });

  it.each(OWN_TEAM_ACTIONS)("%s by admin gives reason", (action) => {
    expect(reasonOf("admin", action, { teamId: TEAM_A })).toContain("Join a team");
  });

  it.each(OWN_TEAM_ACTIONS)("%s by admin outsider denied", (action) => {
    expect(reasonOf("adminMemberC", action, { teamId: TEAM_A })).toContain("not a member of this team");
  });
});

describe("authorize request visibility", () => {
  const VISIBILITY_ACTIONS: PolicyAction[] = ["request.read", "request.comment"];
  const RESOURCE: PolicyResource = { teamId: TEAM_A, topicOwnerTeamId: TEAM_C };

  const CASES = VISIBILITY_ACTIONS.flatMap((action) =>
    (
      [
        { principal: "memberA", expected: true },
        { principal: "ownerA", expected: true },
        { principal: "memberC", expected: true },
        { principal: "ownerC", expected: true },
        { principal: "admin", expected: true },
        { principal: "adminMemberA", expected: true },
        { principal: "memberB", expected: false },
        { principal: "ownerB", expected: false },
        { principal: "viewer", expected: false },
      ] satisfies Array<{ principal: PrincipalName; expected: boolean }>
    ).map((row) => ({ action, ...row })),
  );

  it.each(CASES)("$action by $principal", ({ action, principal, expected }) => {
    expect(allowed(principal, action, RESOURCE)).toBe(expected);
  });

  it.each(VISIBILITY_ACTIONS)("%s by outsider gives reason", (action) => {
    expect(reasonOf("memberB", action, RESOURCE)).toContain("Only the requesting team");
  });

  it.each(VISIBILITY_ACTIONS)("%s without topic owner", (action) => {
    expect(allowed("memberC", action, { teamId: TEAM_A, topicOwnerTeamId: null })).toBe(false);
  });
});

describe("authorize grant revocation", () => {
  const RESOURCE: PolicyResource = { teamId: TEAM_A, topicOwnerTeamId: TEAM_C };

  it.each<{ principal: PrincipalName; expected: boolean }>([
    { principal: "memberC", expected: true },
    { principal: "ownerC", expected: true },
    { principal: "admin", expected: true },
    { principal: "adminMemberA", expected: true },
    { principal: "memberA", expected: false },
    { principal: "ownerA", expected: false },
    { principal: "memberB", expected: false },
    { principal: "viewer", expected: false },
  ])("grant.revoke by $principal", ({ principal, expected }) => {
    expect(allowed(principal, "grant.revoke", RESOURCE)).toBe(expected);
  });

  it("grant.revoke by grantee gives reason", () => {
    expect(reasonOf("memberA", "grant.revoke", RESOURCE)).toContain("topic's owning team");
  });

  it("grant.revoke without topic owner", () => {
    expect(allowed("memberA", "grant.revoke", { teamId: TEAM_A, topicOwnerTeamId: null })).toBe(false);
  });
});

/** Builds a request from team A about a topic that team C owns, waiting at `reviewStep`. */
function requestAt(reviewStep: "owner" | "platform" | null | undefined): PolicyResource {
  return { teamId: TEAM_A, topicOwnerTeamId: TEAM_C, reviewStep };
}

describe("authorize request review", () => {
  it.each<{ principal: PrincipalName; expected: boolean }>([
    { principal: "memberC", expected: true },
    { principal: "ownerC", expected: true },
    { principal: "adminMemberC", expected: true },
    { principal: "memberA", expected: false },
    { principal: "ownerA", expected: false },
    { principal: "adminMemberA", expected: false },
    { principal: "memberB", expected: false },
    { principal: "admin", expected: false },
    { principal: "viewer", expected: false },
  ])("owner step by $principal", ({ principal, expected }) => {
    expect(allowed(principal, "request.review", requestAt("owner"))).toBe(expected);
  });

  it.each<{ principal: PrincipalName; expected: boolean }>([
    { principal: "admin", expected: true },
    { principal: "adminMemberC", expected: true },
    { principal: "adminMemberA", expected: false },
    { principal: "memberA", expected: false },
    { principal: "ownerA", expected: false },
    { principal: "memberC", expected: false },
    { principal: "ownerC", expected: false },
    { principal: "memberB", expected: false },
    { principal: "viewer", expected: false },
  ])("platform step by $principal", ({ principal, expected }) => {
    expect(allowed(principal, "request.review", requestAt("platform"))).toBe(expected);
  });

  it.each<{ principal: PrincipalName; step: "owner" | "platform" }>([
    { principal: "memberA", step: "owner" },
    { principal: "ownerA", step: "owner" },
    { principal: "adminMemberA", step: "owner" },
    { principal: "memberA", step: "platform" },
    { principal: "ownerA", step: "platform" },
    { principal: "adminMemberA", step: "platform" },
  ])("own team at $step step: $principal", ({ principal, step }) => {
    expect(reasonOf(principal, "request.review", requestAt(step))).toContain("own team");
  });

  it.each<{ principal: PrincipalName; step: "owner" | "platform" }>([
    { principal: "memberA", step: "owner" },
    { principal: "adminMemberA", step: "owner" },
    { principal: "adminMemberA", step: "platform" },
  ])("own team owns topic: $principal, $step", ({ principal, step }) => {
    expect(allowed(principal, "request.review", { teamId: TEAM_A, topicOwnerTeamId: TEAM_A, reviewStep: step })).toBe(
      false,
    );
  });

  it.each<PrincipalName>(["memberB", "admin"])("owner step by %s gives reason", (principal) => {
    expect(reasonOf(principal, "request.review", requestAt("owner"))).toContain("topic's owning team");
  });

  it.each<PrincipalName>(["memberC", "memberB"])("platform step by %s gives reason", (principal) => {
    expect(reasonOf(principal, "request.review", requestAt("platform"))).toContain("Only platform administrators");
  });

  it("owner step without topic owner", () => {
    expect(allowed("memberC", "request.review", { teamId: TEAM_A, topicOwnerTeamId: null, reviewStep: "owner" })).toBe(
      false,
    );
  });

  it.each<{ principal: PrincipalName; reviewStep: null | undefined }>([
    { principal: "admin", reviewStep: null },
    { principal: "admin", reviewStep: undefined },
    { principal: "memberC", reviewStep: null },
    { principal: "adminMemberC", reviewStep: undefined },
  ])("no step by $principal denied", ({ principal, reviewStep }) => {
    expect(allowed(principal, "request.review", requestAt(reviewStep))).toBe(false);
  });

  it.each<PrincipalName>(["admin", "memberC"])("no step by %s gives reason", (principal) => {
    expect(reasonOf(principal, "request.review", requestAt(null))).toContain("not waiting for a review");
  });
});

describe("authorize role-only actions with resource", () => {
  // Actions without a resource rule fall through to the role check alone.
  it.each<{ action: PolicyAction; principal: PrincipalName; expected: boolean }>([
    { action: "catalog.read", principal: "viewer", expected: true },
    { action: "queue.read", principal: "memberB", expected: true },
    { action: "request.retry", principal: "admin", expected: true },
    { action: "request.retry", principal: "memberA", expected: false },
    { action: "audit.read", principal: "ownerA", expected: false },
  ])("$action by $principal", ({ action, principal, expected }) => {
    expect(allowed(principal, action, { teamId: TEAM_A, topicOwnerTeamId: TEAM_C })).toBe(expected);
  });
});

describe("authorize guards added after review", () => {
  const owner = { userId: "owner-1", isPlatformAdmin: true, teams: [{ id: "owners", role: "member" as const }] };

  it("refuses a second step to one approver", () => {
    const decision = authorize(owner, "request.review", {
      teamId: "requesters",
      topicOwnerTeamId: "owners",
      reviewStep: "platform",
      priorApproverIds: ["owner-1"],
    });

    expect(decision.allowed).toBe(false);
  });

  it("names the earlier approval", () => {
    const decision = authorize(owner, "request.review", {
      teamId: "requesters",
      topicOwnerTeamId: "owners",
      reviewStep: "platform",
      priorApproverIds: ["owner-1"],
    });

    expect(decision.allowed ? "" : decision.reason).toContain("already approved an earlier step");
  });

  it("allows the step to someone else", () => {
    const decision = authorize(owner, "request.review", {
      teamId: "requesters",
      topicOwnerTeamId: "owners",
      reviewStep: "platform",
      priorApproverIds: ["someone-else"],
    });

    expect(decision.allowed).toBe(true);
  });

  it("hides drafts from the topic's owners", () => {
    expect(authorize(owner, "request.read", { teamId: "requesters", topicOwnerTeamId: "owners", isDraft: true }).allowed).toBe(false);
  });

  it("shows drafts to the requesting team", () => {
    const requester = { userId: "r", isPlatformAdmin: false, teams: [{ id: "requesters", role: "member" as const }] };

    expect(authorize(requester, "request.read", { teamId: "requesters", topicOwnerTeamId: "owners", isDraft: true }).allowed).toBe(true);
  });
});
