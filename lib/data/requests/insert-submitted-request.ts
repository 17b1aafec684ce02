import "server-only";

import { requests } from "@/db/schema";
import type { Transaction } from "@/lib/db";
import { collisionKey } from "@/lib/domain/naming";
import type { RequestType } from "@/lib/domain/request-states";

import { recordAuditEvent } from "../audit/record-audit-event";
import type { AccessProposalPayload, TopicProposalPayload } from "./payloads";

/** Inserts a request in state `submitted` with its audit event, inside the caller's transaction. */
export async function insertSubmittedRequest(
  tx: Transaction,
  input: {
    type: RequestType;
    teamId: string;
    requestedBy: string;
    applicationId: string;
    topicName: string;
    payload: TopicProposalPayload | AccessProposalPayload;
  },
): Promise<{ id: string }> {
  const [created] = await tx
    .insert(requests)
    .values({ ...input, topicNameKey: collisionKey(input.topicName) })
    .returning({ id: requests.id });
  if (!created) throw new Error("request insert returned no row");

  await recordAuditEvent(tx, {
    actorId: input.requestedBy,
    action: "request.submitted",
    entityType: "request",
    entityId: created.id,
    requestId: created.id,
    after: {
      type: input.type,
      state: "submitted",
      topic: input.topicName,
      applicationId: input.applicationId,
      ...input.payload,
    },
  });
  return created;
}
