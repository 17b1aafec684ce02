import "server-only";

import { eq } from "drizzle-orm";

import { teamMembers, teams, users } from "@/db/schema";
import { adminEmails } from "@/lib/config";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface CallerTeam {
  id: string;
  slug: string;
  name: string;
  role: "owner" | "member";
}

/** The signed-in person and what they belong to, loaded once per request from the database. */
export interface Caller {
  userId: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  teams: CallerTeam[];
}

/** Loads the caller for a signed-in email, creating the person on their first sign-in. */
export async function loadCaller(identity: { email: string; name?: string | null }): Promise<Caller> {
  const db = await getDb();
  const email = identity.email.trim().toLowerCase();
  const name = identity.name?.trim() || email;

  // Reads first, because this runs on every request and a write is only needed once per person.
  const existing = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.email, email));
  const [user] = existing.length
    ? existing
    : await db
        .insert(users)
        .values({ email, name })
        .onConflictDoUpdate({ target: users.email, set: { email } })
        .returning({ id: users.id, email: users.email, name: users.name });
  if (!user) throw new AppError("unauthenticated", "Your account could not be loaded; sign in again.");

  const memberships = await db
    .select({ id: teams.id, slug: teams.slug, name: teams.name, role: teamMembers.role })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, user.id))
    .orderBy(teams.name);

  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    isPlatformAdmin: adminEmails().has(user.email),
    teams: memberships,
  };
}
