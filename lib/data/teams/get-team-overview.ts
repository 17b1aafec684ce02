import "server-only";

import { and, asc, desc, eq, inArray } from "drizzle-orm";

import { applications, credentials, requests, teamMembers, teams, users } from "@/db/schema";
import { assertAllowed } from "@/lib/auth/assert-allowed";
import type { Caller } from "@/lib/auth/caller";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db";
import type { RequestState, RequestType } from "@/lib/domain/request-states";
import type { ApplicationKind } from "@/lib/domain/schemas";

export interface TeamApplication {
  id: string;
  name: string;
  kind: ApplicationKind;
  description: string;
  transactional: boolean;
  credential: { username: string; readyAt: Date | null; revealedAt: Date | null } | null;
}

export interface TeamRequestRow {
  id: string;
  type: RequestType;
  state: RequestState;
  topicName: string;
  applicationName: string;
  createdAt: Date;
}

export interface TeamOverview {
  id: string;
  slug: string;
  name: string;
  members: Array<{ name: string; email: string; role: "owner" | "member" }>;
  applications: TeamApplication[];
  requests: TeamRequestRow[];
}

/** The team's applications with their credential state, and its requests, newest first. */
export async function getTeamOverview(caller: Caller, slug: string): Promise<TeamOverview | null> {
  const db = await getDb();
  const [team] = await db.select({ id: teams.id, slug: teams.slug, name: teams.name }).from(teams).where(eq(teams.slug, slug));
  if (!team) return null;
  assertAllowed(caller, "team.read", { teamId: team.id });

  const appRows = await db
    .select({
      id: applications.id,
      name: applications.name,
      kind: applications.kind,
      description: applications.description,
      transactional: applications.transactional,
    })
    .from(applications)
    .where(eq(applications.teamId, team.id))
    .orderBy(asc(applications.name));

  const credentialRows = appRows.length
    ? await db
        .select({
          applicationId: credentials.applicationId,
          username: credentials.username,
          readyAt: credentials.readyAt,
          revealedAt: credentials.revealedAt,
        })
        .from(credentials)
        .where(
          and(
            inArray(credentials.applicationId, appRows.map((row) => row.id)),
            eq(credentials.environment, config().ONRAMP_ENVIRONMENT),
          ),
        )
    : [];

  const members = await db
    .select({ name: users.name, email: users.email, role: teamMembers.role })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, team.id))
    .orderBy(asc(users.name));

  const requestRows = await db
    .select({
      id: requests.id,
      type: requests.type,
      state: requests.state,
      topicName: requests.topicName,
      applicationName: applications.name,
      createdAt: requests.createdAt,
    })
    .from(requests)
    .innerJoin(applications, eq(applications.id, requests.applicationId))
    .where(eq(requests.teamId, team.id))
    .orderBy(desc(requests.createdAt))
    .limit(100);

  return {
    ...team,
    members,
    applications: appRows.map((row) => {
      const credential = credentialRows.find((entry) => entry.applicationId === row.id);
      return {
        ...row,
        credential: credential
          ? { username: credential.username, readyAt: credential.readyAt, revealedAt: credential.revealedAt }
          : null,
      };
    }),
    requests: requestRows,
  };
}

/** Applications of the caller's teams, for the pickers on the proposal and access forms. */
export async function listCallerApplications(
  caller: Caller,
): Promise<Array<{ id: string; name: string; kind: ApplicationKind; teamName: string }>> {
  const teamIds = caller.teams.map((team) => team.id);
  if (teamIds.length === 0) return [];
  const db = await getDb();
  return db
    .select({ id: applications.id, name: applications.name, kind: applications.kind, teamName: teams.name })
    .from(applications)
    .innerJoin(teams, eq(teams.id, applications.teamId))
    .where(inArray(applications.teamId, teamIds))
    .orderBy(asc(applications.name));
}
