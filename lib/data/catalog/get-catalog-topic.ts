import "server-only";

import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";

import { applications, domains, grants, teams, topics } from "@/db/schema";
import { getDb } from "@/lib/db";

export interface CatalogTopicDetail {
  id: string;
  name: string;
  domain: string;
  ownerTeam: string;
  ownerTeamId: string;
  environment: string;
  partitions: number;
  retentionDays: number;
  description: string;
  classification: "none" | "personal" | "health";
  provisionedAt: Date | null;
  applications: Array<{ grantId: string; name: string; team: string; role: "producer" | "consumer" }>;
}

export async function getCatalogTopic(name: string): Promise<CatalogTopicDetail | null> {
  const db = await getDb();
  const [topic] = await db
    .select({
      id: topics.id,
      name: topics.name,
      domain: domains.name,
      ownerTeam: teams.name,
      ownerTeamId: teams.id,
      environment: topics.environment,
      partitions: topics.partitions,
      retentionDays: topics.retentionDays,
      description: topics.description,
      classification: topics.classification,
      provisionedAt: topics.provisionedAt,
    })
    .from(topics)
    .innerJoin(domains, eq(domains.id, topics.domainId))
    .innerJoin(teams, eq(teams.id, topics.ownerTeamId))
    .where(and(eq(topics.name, name), isNotNull(topics.provisionedAt)));
  if (!topic) return null;

  const granted = await db
    .select({ grantId: grants.id, name: applications.name, team: teams.name, role: grants.role })
    .from(grants)
    .innerJoin(applications, eq(applications.id, grants.applicationId))
    .innerJoin(teams, eq(teams.id, applications.teamId))
    .where(and(eq(grants.topicId, topic.id), isNotNull(grants.activatedAt), isNull(grants.revokedAt)))
    .orderBy(asc(grants.role), asc(applications.name));

  return { ...topic, applications: granted };
}
