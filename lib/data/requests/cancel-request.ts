import "server-only";

import { and, eq, inArray, sql } from "drizzle-orm";

import { requestComments, requests } from "@/db/schema";
import { assertAllowed } from "@/lib/auth/assert-allowed";
import type { Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { isCancellable } from "@/lib/domain/request-states";
import type { CancelRequestInput } from "@/lib/domain/schemas";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

import { recordAuditEvent } from "../audit/record-audit-event";
import { notifyRequestEvent } from "../notifications/notify";
import { loadRequestContext } from "./load-request-context";

/** Cancels the caller's team's request before it is approved. */
export async function cancelRequest(caller: Caller, input: CancelRequestInput): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const context = await loadRequestContext(tx, input.requestId);
    const { request } = context;
    assertAllowed(caller, "request.cancel", context.resource);
    if (!isCancellable(request.state)) {
      throw new AppError("conflict", `A ${request.state.replace("_", " ")} request can no longer be cancelled.`);
    }

    const [updated] = await tx
      .update(requests)
      .set({ state: "cancelled", reviewStep: null, updatedAt: sql`now()` })
      .where(and(eq(requests.id, request.id), inArray(requests.state, ["draft", "submitted", "changes_requested"])))
      .returning({ id: requests.id });
    if (!updated) throw new AppError("conflict", "This request changed in the meantime; reload the page.");

    await tx.insert(requestComments).values({
      requestId: request.id,
      authorId: caller.userId,
      kind: "cancelled",
      body: input.reason || "Cancelled by the requester.",
    });
    await recordAuditEvent(tx, {
      actorId: caller.userId,
      action: "request.cancelled",
      entityType: "request",
      entityId: request.id,
      requestId: request.id,
      before: { state: request.state },
      after: { state: "cancelled", reason: input.reason },
    });
    await notifyRequestEvent(tx, {
      event: { kind: "cancelled", waitingStep: request.state === "submitted" ? request.reviewStep : null },
      request,
      actorId: caller.userId,
    });
  });
  logger.info({ requestId: input.requestId, userId: caller.userId }, "request cancelled");
}
