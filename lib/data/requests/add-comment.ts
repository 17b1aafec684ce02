import "server-only";

import { requestComments } from "@/db/schema";
import { assertAllowed } from "@/lib/auth/assert-allowed";
import type { Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import type { CommentInput } from "@/lib/domain/schemas";

import { recordAuditEvent } from "../audit/record-audit-event";
import { notifyRequestEvent } from "../notifications/notify";
import { loadRequestContext } from "./load-request-context";

/** Adds a comment to a request's conversation. */
export async function addComment(caller: Caller, input: CommentInput): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const context = await loadRequestContext(tx, input.requestId);
    assertAllowed(caller, "request.comment", context.resource);
    const [comment] = await tx
      .insert(requestComments)
      .values({ requestId: input.requestId, authorId: caller.userId, kind: "comment", body: input.body })
      .returning({ id: requestComments.id });
    await recordAuditEvent(tx, {
      actorId: caller.userId,
      action: "request.commented",
      entityType: "request_comment",
      entityId: comment!.id,
      requestId: input.requestId,
      after: { body: input.body },
    });
    await notifyRequestEvent(tx, {
      event: { kind: "commented", waitingStep: context.request.state === "submitted" ? context.request.reviewStep : null },
      request: context.request,
      actorId: caller.userId,
    });
  });
}
