import "server-only";

import { and, eq, inArray, sql } from "drizzle-orm";

import { requestComments, requestRevisions, requests } from "@/db/schema";
import { assertAllowed } from "@/lib/auth/assert-allowed";
import type { Caller } from "@/lib/auth/caller";
import { getDb, type Transaction } from "@/lib/db";
import { collisionKey } from "@/lib/domain/naming";
import { isEditable } from "@/lib/domain/request-states";
import type { ReviseAccessInput, ReviseTopicInput } from "@/lib/domain/schemas";
import { AppError, fieldError, isUniqueViolation } from "@/lib/errors";
import { logger } from "@/lib/logger";

import { recordAuditEvent } from "../audit/record-audit-event";
import { notifyRequestEvent } from "../notifications/notify";
import { checkTopicProposal } from "./check-topic-proposal";
import { loadRequestContext, type RequestContext } from "./load-request-context";
import { AccessProposalPayload, TopicProposalPayload } from "./payloads";

/**
 * Saves the requester's edits to a draft or a request with changes requested and submits it
 * again as a new version, back at the first review step. Reviewers see what changed.
 */
export async function reviseRequest(
  caller: Caller,
  input: ({ kind: "new_topic" } & ReviseTopicInput) | ({ kind: "topic_access" } & ReviseAccessInput),
): Promise<{ version: number }> {
  const db = await getDb();
  try {
    const version = await db.transaction(async (tx) => {
      const context = await loadRequestContext(tx, input.requestId);
      const { request } = context;
      assertAllowed(caller, "request.edit", context.resource);
      if (!isEditable(request.state)) {
        throw new AppError("conflict", `A ${request.state.replace("_", " ")} request cannot be edited; only drafts and requests with changes requested can.`);
      }
      if (request.type !== input.kind) throw new AppError("invalid", "The form does not match this request's type; reload the page.");

      const payload =
        input.kind === "new_topic" ? await checkTopicRevision(tx, context, input) : AccessProposalPayload.parse({ justification: input.justification });
      const topicName = input.kind === "new_topic" ? input.name : request.topicName;
      const nextVersion = request.version + 1;
      const firstStep = context.steps[0] ?? null;

      const [updated] = await tx
        .update(requests)
        .set({
          state: "submitted",
          reviewStep: firstStep,
          payload,
          topicName,
          topicNameKey: collisionKey(topicName),
          version: nextVersion,
          updatedAt: sql`now()`,
        })
        .where(and(eq(requests.id, request.id), eq(requests.version, request.version), inArray(requests.state, ["draft", "changes_requested"])))
        .returning({ id: requests.id });
      if (!updated) throw new AppError("conflict", "This request changed while you edited it; reload the page and apply your edits again.");

      await tx.insert(requestRevisions).values({ requestId: request.id, version: nextVersion, payload });
      const wasDraft = request.state === "draft";
      await tx.insert(requestComments).values({
        requestId: request.id,
        authorId: caller.userId,
        kind: wasDraft ? "submitted" : "resubmitted",
        body: input.note || (wasDraft ? "Submitted for review." : `Resubmitted as version ${nextVersion}.`),
      });
      await recordAuditEvent(tx, {
        actorId: caller.userId,
        action: wasDraft ? "request.submitted" : "request.resubmitted",
        entityType: "request",
        entityId: request.id,
        requestId: request.id,
        before: { state: request.state, version: request.version, payload: request.payload },
        after: { state: "submitted", version: nextVersion, payload },
      });
      await notifyRequestEvent(tx, {
        event: { kind: wasDraft ? "submitted" : "resubmitted", firstStep },
        request: { ...request, topicName },
        actorId: caller.userId,
      });
      return nextVersion;
    });
    logger.info({ requestId: input.requestId, userId: caller.userId, version }, "request revised");
    return { version };
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("name", "Another proposal for this name is under review; choose another name.", "conflict");
    throw error;
  }
}

async function checkTopicRevision(tx: Transaction, context: RequestContext, input: ReviseTopicInput): Promise<TopicProposalPayload> {
  await checkTopicProposal(tx, input, context.request.id);
  return TopicProposalPayload.parse({
    domainId: input.domainId,
    name: input.name,
    description: input.description,
    partitions: input.partitions,
    retentionDays: input.retentionDays,
    classification: input.classification,
  });
}
