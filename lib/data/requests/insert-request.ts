import "server-only";

import { requestComments, requestRevisions, requests } from "@/db/schema";
import type { Transaction } from "@/lib/db";
import { collisionKey } from "@/lib/domain/naming";
import type { RequestType } from "@/lib/domain/request-states";
import type { ReviewStep } from "@/lib/domain/review-steps";
import type { Intent } from "@/lib/domain/schemas";

import { recordAuditEvent } from "../audit/record-audit-event";
import { notifyRequestEvent } from "../notifications/notify";
import type { AccessProposalPayload, TopicProposalPayload } from "./payloads";

/**
 * Inserts a request as a draft or submitted for review, with its first revision, its audit
 * event and the notification of its first reviewers, inside the caller's transaction.
 */
export async function insertRequest(
  tx: Transaction,
  input: {
    type: RequestType;
    intent: Intent;
    teamId: string;
    requestedBy: string;
    applicationId: string;
    topicName: string;
    payload: TopicProposalPayload | AccessProposalPayload;
    firstStep: ReviewStep | null;
  },
): Promise<{ id: string }> {
  const state = input.intent === "draft" ? "draft" : "submitted";
  const [created] = await tx
    .insert(requests)
    .values({
      type: input.type,
      state,
      teamId: input.teamId,
      requestedBy: input.requestedBy,
      applicationId: input.applicationId,
      topicName: input.topicName,
      topicNameKey: collisionKey(input.topicName),
      payload: input.payload,
      reviewStep: state === "submitted" ? input.firstStep : null,
    })
    .returning({ id: requests.id });
  if (!created) throw new Error("request insert returned no row");

  await tx.insert(requestRevisions).values({ requestId: created.id, version: 1, payload: input.payload });
  await recordAuditEvent(tx, {
    actorId: input.requestedBy,
    action: state === "draft" ? "request.drafted" : "request.submitted",
    entityType: "request",
    entityId: created.id,
    requestId: created.id,
    after: { type: input.type, state, topic: input.topicName, applicationId: input.applicationId, ...input.payload },
  });
  if (state === "submitted") {
    await tx.insert(requestComments).values({
      requestId: created.id,
      authorId: input.requestedBy,
      kind: "submitted",
      body: "Submitted for review.",
    });
    await notifyRequestEvent(tx, {
      event: { kind: "submitted", firstStep: input.firstStep },
      request: { id: created.id, teamId: input.teamId, topicName: input.topicName, type: input.type },
      actorId: input.requestedBy,
    });
  }
  return created;
}
