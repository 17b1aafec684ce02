import "server-only";

import { sql } from "drizzle-orm";

import { applications, domains, teamMembers, teams, users } from "@/db/schema";
import type { Database } from "@/lib/db";
import { logger } from "@/lib/logger";

/** Business domains of the event bus; administrators approve new ones. */
export const SEED_DOMAINS = [
  { name: "claims", description: "Benefit claims, their contentions, decisions and letters." },
  { name: "benefits", description: "Benefit eligibility, awards and payments." },
  { name: "health", description: "Health care: appointments, prescriptions, referrals." },
  { name: "life", description: "Life events such as marriage, dependents and address changes." },
  { name: "memorial", description: "Burial, memorial benefits and cemetery services." },
  { name: "interaction", description: "Contacts with people: forms submitted, messages, visits." },
  { name: "transition", description: "Moving from service member to civilian life." },
] as const;

/**
 * Made-up people for the development sign-in, one per role, with their teams and applications.
 * Morgan is a platform administrator only when ONRAMP_ADMIN_EMAILS lists that address.
 */
export const SEED_PEOPLE = [
  {
    email: "morgan.platt@example.org",
    name: "Morgan Platt",
    role: "Platform administrator",
    team: "Event Bus Platform",
    application: null,
  },
  {
    email: "riley.chen@example.org",
    name: "Riley Chen",
    role: "Member of a producing team",
    team: "Benefits Integration",
    application: {
      name: "benefits-integration-platform",
      kind: "producer" as const,
      description: "Publishes claim decision events from the benefits integration platform.",
    },
  },
  {
    email: "sam.ortiz@example.org",
    name: "Sam Ortiz",
    role: "Member of a consuming team",
    team: "Notifications",
    application: {
      name: "claims-notifier",
      kind: "consumer" as const,
      description: "Emails veterans when a decision letter becomes available.",
    },
  },
] as const;

export async function seedDomains(db: Database): Promise<void> {
  await db.insert(domains).values([...SEED_DOMAINS]).onConflictDoNothing({ target: domains.name });
}

/** Inserts the development people, teams and applications; running it again changes nothing. */
export async function seedDevelopmentPeople(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    for (const person of SEED_PEOPLE) {
      const slug = person.team.toLowerCase().replaceAll(" ", "-");
      const [user] = await tx
        .insert(users)
        .values({ email: person.email, name: person.name })
        .onConflictDoUpdate({ target: users.email, set: { name: sql`excluded.name` } })
        .returning({ id: users.id });
      const [team] = await tx
        .insert(teams)
        .values({ name: person.team, slug })
        .onConflictDoUpdate({ target: teams.slug, set: { name: sql`excluded.name` } })
        .returning({ id: teams.id });
      if (!user || !team) throw new Error(`seeding ${person.email} returned no row`);
      await tx
        .insert(teamMembers)
        .values({ teamId: team.id, userId: user.id, role: "owner" })
        .onConflictDoNothing();
      if (person.application) {
        await tx
          .insert(applications)
          .values({ teamId: team.id, ...person.application })
          .onConflictDoNothing({ target: applications.name });
      }
    }
  });
  logger.info({ people: SEED_PEOPLE.length }, "development people seeded");
}
