import "server-only";

import { and, eq, ne, notInArray } from "drizzle-orm";

import { domains, requests, topics } from "@/db/schema";
import { environmentSettings } from "@/lib/config";
import type { Queryable } from "@/lib/db";
import { checkClassificationAllowed, type DataClassification } from "@/lib/domain/environment";
import { collisionKey } from "@/lib/domain/naming";
import { AppError, fieldError } from "@/lib/errors";

export function nameTaken(name: string, existing: string): AppError {
  const detail =
    existing === name ? `"${name}" is taken` : `"${name}" collides with "${existing}", because Kafka treats "." and "_" alike`;
  return fieldError("name", `${detail}; choose another topic name.`, "conflict");
}

/**
 * Checks the parts of a topic proposal that need the database: the domain exists, the
 * environment accepts the data classification, and no topic or open proposal (other than
 * `exceptRequestId`, the one being revised) has the name. Throws a field error otherwise.
 */
export async function checkTopicProposal(
  db: Queryable,
  proposal: { domainId: string; name: string; classification: DataClassification },
  exceptRequestId?: string,
): Promise<void> {
  const [domain] = await db.select({ id: domains.id }).from(domains).where(eq(domains.id, proposal.domainId));
  if (!domain) throw fieldError("domainId", "Choose a domain from the list.");

  const classificationProblem = checkClassificationAllowed(proposal.classification, environmentSettings());
  if (classificationProblem) throw fieldError("classification", classificationProblem);

  const nameKey = collisionKey(proposal.name);
  const [existingTopic] = await db.select({ name: topics.name }).from(topics).where(eq(topics.nameKey, nameKey));
  if (existingTopic) throw nameTaken(proposal.name, existingTopic.name);
  const [openProposal] = await db
    .select({ name: requests.topicName })
    .from(requests)
    .where(
      and(
        eq(requests.type, "new_topic"),
        eq(requests.topicNameKey, nameKey),
        notInArray(requests.state, ["rejected", "failed", "cancelled"]),
        exceptRequestId ? ne(requests.id, exceptRequestId) : undefined,
      ),
    );
  if (openProposal) {
    throw fieldError("name", `A proposal for "${openProposal.name}" is already under review; choose another name.`, "conflict");
  }
}
