import "server-only";

import { asc } from "drizzle-orm";

import { domains } from "@/db/schema";
import { getDb } from "@/lib/db";

export async function listDomains(): Promise<Array<{ id: string; name: string; description: string }>> {
  const db = await getDb();
  return db
    .select({ id: domains.id, name: domains.name, description: domains.description })
    .from(domains)
    .orderBy(asc(domains.name));
}
