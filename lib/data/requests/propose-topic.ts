import "server-only";

import { eq } from "drizzle-orm";

import { applications } from "@/db/schema";
import { assertAllowed } from "@/lib/auth/assert-allowed";
import type { Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { reviewStepsFor } from "@/lib/domain/review-steps";
import type { ProposeTopicInput } from "@/lib/domain/schemas";
import { fieldError, isUniqueViolation } from "@/lib/errors";
import { logger } from "@/lib/logger";

import { checkTopicProposal, nameTaken } from "./check-topic-proposal";
import { insertRequest } from "./insert-request";
import type { TopicProposalPayload } from "./payloads";

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

  await checkTopicProposal(db, input);

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
