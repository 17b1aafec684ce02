import "server-only";

import { and, eq, notInArray } from "drizzle-orm";

import { applications, domains, requests, topics } from "@/db/schema";
import { assertAllowed } from "@/lib/auth/assert-allowed";
import type { Caller } from "@/lib/auth/caller";
import { environmentSettings } from "@/lib/config";
import { getDb } from "@/lib/db";
import { checkClassificationAllowed } from "@/lib/domain/environment";
import { reviewStepsFor } from "@/lib/domain/review-steps";
import { collisionKey } from "@/lib/domain/naming";
import type { ProposeTopicInput } from "@/lib/domain/schemas";
import { AppError, fieldError, isUniqueViolation } from "@/lib/errors";
import { logger } from "@/lib/logger";

import { insertRequest } from "./insert-request";
import type { TopicProposalPayload } from "./payloads";

function nameTaken(name: string, existing: string): AppError {
  const detail = existing === name ? `"${name}" is taken` : `"${name}" collides with "${existing}", because Kafka treats "." and "_" alike`;
  return fieldError("name", `${detail}; choose another topic name.`, "conflict");
}

/** Submits a new topic for review, on behalf of one of the caller's producing applications. */
export async function proposeTopic(caller: Caller, input: ProposeTopicInput): Promise<{ requestId: string }> {
  const db = await getDb();

  const [application] = await db
    .select({ id: applications.id, teamId: applications.teamId, kind: applications.kind, name: applications.name })
    .from(applications)
    .where(eq(applications.id, input.producerApplicationId));
  if (!application) throw fieldError("producerApplicationId", "Choose a producing application from the list.");
  assertAllowed(caller, "topic.propose", { teamId: application.teamId });
  if (application.kind === "consumer") {
    throw fieldError(
      "producerApplicationId",
      `${application.name} is registered as a consumer; choose an application that produces.`,
    );
  }

  const [domain] = await db.select({ id: domains.id }).from(domains).where(eq(domains.id, input.domainId));
  if (!domain) throw fieldError("domainId", "Choose a domain from the list.");

  const classificationProblem = checkClassificationAllowed(input.classification, environmentSettings());
  if (classificationProblem) throw fieldError("classification", classificationProblem);

  const nameKey = collisionKey(input.name);
  const [existingTopic] = await db.select({ name: topics.name }).from(topics).where(eq(topics.nameKey, nameKey));
  if (existingTopic) throw nameTaken(input.name, existingTopic.name);
  const [openProposal] = await db
    .select({ name: requests.topicName })
    .from(requests)
    .where(
      and(
        eq(requests.type, "new_topic"),
        eq(requests.topicNameKey, nameKey),
        notInArray(requests.state, ["rejected", "failed", "cancelled"]),
      ),
    );
  if (openProposal) {
    throw fieldError("name", `A proposal for "${openProposal.name}" is already under review; choose another name.`, "conflict");
  }

  const payload: TopicProposalPayload = {
    domainId: input.domainId,
    name: input.name,
    description: input.description,
    partitions: input.partitions,
    retentionDays: input.retentionDays,
    classification: input.classification,
  };

  try {
    const request = await db.transaction((tx) =>
      insertRequest(tx, {
        type: "new_topic",
        intent: input.intent ?? "submit",
        firstStep: reviewStepsFor("new_topic", { requesterOwnsTopic: true })[0] ?? null,
        teamId: application.teamId,
        requestedBy: caller.userId,
        applicationId: application.id,
        topicName: input.name,
        payload,
      }),
    );
    logger.info({ requestId: request.id, topic: input.name, applicationId: application.id }, "topic proposed");
    return { requestId: request.id };
  } catch (error) {
    // Another proposal for the same name won the race between the checks above and this insert.
    if (isUniqueViolation(error)) throw nameTaken(input.name, input.name);
    throw error;
  }
}
