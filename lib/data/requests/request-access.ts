import "server-only";

import { and, eq, inArray, isNotNull } from "drizzle-orm";

import { applications, grants, requests, topics } from "@/db/schema";
import { requireTeamMember, type Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import type { RequestAccessInput } from "@/lib/domain/schemas";
import { fieldError } from "@/lib/errors";
import { logger } from "@/lib/logger";

import { insertSubmittedRequest } from "./insert-submitted-request";
import type { AccessProposalPayload } from "./payloads";

/** Asks for read access to a catalog topic for one of the caller's consuming applications. */
export async function requestAccess(caller: Caller, input: RequestAccessInput): Promise<{ requestId: string }> {
  const db = await getDb();

  const [topic] = await db
    .select({ id: topics.id, name: topics.name })
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
  requireTeamMember(caller, application.teamId);
  if (application.kind === "producer") {
    throw fieldError("applicationId", `${application.name} is registered as a producer only; choose an application that consumes.`);
  }

  const [grant] = await db
    .select({ id: grants.id })
    .from(grants)
    .where(and(eq(grants.applicationId, application.id), eq(grants.topicId, topic.id), eq(grants.role, "consumer")));
  if (grant) {
    throw fieldError("applicationId", `${application.name} can already read ${topic.name}.`, "conflict");
  }

  const payload: AccessProposalPayload = { justification: input.justification };

  const request = await db.transaction(async (tx) => {
    // Serialises access requests per application, so two quick submissions cannot both pass the
    // check for an open request below.
    await tx.select({ id: applications.id }).from(applications).where(eq(applications.id, application.id)).for("update");
    const [open] = await tx
      .select({ id: requests.id })
      .from(requests)
      .where(
        and(
          eq(requests.type, "topic_access"),
          eq(requests.applicationId, application.id),
          eq(requests.topicName, topic.name),
          inArray(requests.state, ["submitted", "approved", "provisioning"]),
        ),
      );
    if (open) {
      throw fieldError("applicationId", `${application.name} already has a request for ${topic.name} under review.`, "conflict");
    }

    return insertSubmittedRequest(tx, {
      type: "topic_access",
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
