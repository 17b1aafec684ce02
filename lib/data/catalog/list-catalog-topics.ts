import "server-only";

import { and, asc, eq, ilike, isNotNull, or } from "drizzle-orm";

import { domains, teams, topics } from "@/db/schema";
import { getDb } from "@/lib/db";

export interface CatalogTopicRow {
  name: string;
  domain: string;
  ownerTeam: string;
  partitions: number;
  retentionDays: number;
  description: string;
  classification: "none" | "personal" | "health";
}

/** Lists topics that exist on the cluster, optionally filtered by a search over name, domain and description. */
export async function listCatalogTopics(search?: string): Promise<CatalogTopicRow[]> {
  const db = await getDb();
  const term = search?.trim();
  const pattern = term ? `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%` : undefined;

  return db
    .select({
      name: topics.name,
      domain: domains.name,
      ownerTeam: teams.name,
      partitions: topics.partitions,
      retentionDays: topics.retentionDays,
      description: topics.description,
      classification: topics.classification,
    })
    .from(topics)
    .innerJoin(domains, eq(domains.id, topics.domainId))
    .innerJoin(teams, eq(teams.id, topics.ownerTeamId))
    .where(
      and(
        isNotNull(topics.provisionedAt),
        pattern
          ? or(ilike(topics.name, pattern), ilike(domains.name, pattern), ilike(topics.description, pattern))
          : undefined,
      ),
    )
    .orderBy(asc(domains.name), asc(topics.name));
}
