import "server-only";

import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";

import { applications, grants, requests, topics } from "@/db/schema";
import { assertAllowed } from "@/lib/auth/assert-allowed";
import type { Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { reviewStepsFor } from "@/lib/domain/review-steps";
import type { RequestAccessInput } from "@/lib/domain/schemas";
import { fieldError } from "@/lib/errors";
import { logger } from "@/lib/logger";

import { insertRequest } from "./insert-request";
import type { AccessProposalPayload } from "./payloads";

/** Asks for read access to a catalog topic for one of the caller's consuming applications. */
export async function requestAccess(caller: Caller, input: RequestAccessInput): Promise<{ requestId: string }> {
  const db = await getDb();

  const [topic] = await db
    .select({ id: topics.id, name: topics.name, ownerTeamId: topics.ownerTeamId })
    .from(topics)
    .where(and(eq(topics.name, input.topicName), isNotNull(topics.provisionedAt)));
  if (!topic) {
    throw fieldError("topicName", `No topic named "${input.topicName}" is in the catalog; choose one from the catalog.`);
  }

  const [application] = await db
    .select({ id: applications.id, teamId: applications.teamId, kind: applications.kind, name: applications.name })
    .from(applications)
    .where(eq(applications.id, input.applicationId));
  if (!application) throw fieldError("applicationId", "Choose a consuming application from the list.");
  assertAllowed(caller, "access.request", { teamId: application.teamId });
  if (application.kind === "producer") {
    throw fieldError("applicationId", `${application.name} is registered as a producer only; choose an application that consumes.`);
  }

  const [grant] = await db
    .select({ id: grants.id })
    .from(grants)
    .where(
      and(
        eq(grants.applicationId, application.id),
        eq(grants.topicId, topic.id),
        eq(grants.role, "consumer"),
        isNotNull(grants.activatedAt),
        isNull(grants.revokedAt),
      ),
    );
  if (grant) {
    throw fieldError("applicationId", `${application.name} can already read ${topic.name}.`, "conflict");
  }

  const payload: AccessProposalPayload = { justification: input.justification };

  const request = await db.transaction(async (tx) => {
    // Serialises access requests per application, so two quick submissions cannot both pass the
    // check for an open request below.
    // "no key update" still lets approvals insert grants that reference the application.
    await tx.select({ id: applications.id }).from(applications).where(eq(applications.id, application.id)).for("no key update");
    const [open] = await tx
      .select({ id: requests.id })
      .from(requests)
      .where(
        and(
          eq(requests.type, "topic_access"),
          eq(requests.applicationId, application.id),
          eq(requests.topicName, topic.name),
          inArray(requests.state, ["draft", "submitted", "changes_requested", "approved", "provisioning"]),
        ),
      );
    if (open) {
      throw fieldError("applicationId", `${application.name} already has a request for ${topic.name} under review.`, "conflict");
    }

    return insertRequest(tx, {
      type: "topic_access",
      intent: input.intent ?? "submit",
      firstStep: reviewStepsFor("topic_access", { requesterOwnsTopic: topic.ownerTeamId === application.teamId })[0] ?? null,
      teamId: application.teamId,
      requestedBy: caller.userId,
      applicationId: application.id,
      topicName: topic.name,
      payload,
    });
  });

  logger.info({ requestId: request.id, topic: topic.name, applicationId: application.id }, "access requested");
  return { requestId: request.id };
}
