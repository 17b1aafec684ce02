import "server-only";

import { and, eq, inArray, sql } from "drizzle-orm";

import { aclBindings, credentials, grants, requests, topics } from "@/db/schema";
import { config } from "@/lib/config";
import { loadRequestPlan, type ApplicationRow, type RequestRow } from "@/lib/data/requests/load-request-plan";
import { TopicProposalPayload } from "@/lib/data/requests/payloads";
import { recordAuditEvent } from "@/lib/data/audit/record-audit-event";
import { getDb, type Transaction } from "@/lib/db";
import type { ClusterPlan } from "@/lib/domain/cluster-plan";
import { collisionKey } from "@/lib/domain/naming";
import type { RequestState } from "@/lib/domain/request-states";
import { AppError } from "@/lib/errors";
import { applyPlan, ProvisioningError, undoChanges } from "@/lib/kafka/apply-plan";
import { SCRAM_MECHANISM_NAME } from "@/lib/kafka/scram";
import { logger } from "@/lib/logger";

export interface ProvisioningOutcome {
  state: Extract<RequestState, "provisioned" | "failed">;
  failureReason: string | null;
}

/**
 * Applies an approved (or failed) request to the cluster and records the outcome. On success
 * the topic, grant, ACL bindings and credential are written in one transaction; on failure the
 * request is `failed` with the reason and the cluster is left as it was.
 */
export async function provisionRequest(requestId: string, actorId: string): Promise<ProvisioningOutcome> {
  const db = await getDb();
  const log = logger.child({ requestId });
  const environment = config().ONRAMP_ENVIRONMENT;

  const [claimed] = await db
    .update(requests)
    .set({ state: "provisioning", failureReason: null, updatedAt: sql`now()` })
    .where(and(eq(requests.id, requestId), inArray(requests.state, ["approved", "failed"])))
    .returning({ id: requests.id });
  if (!claimed) {
    throw new AppError("conflict", "This request is not waiting for provisioning; reload the page to see its state.");
  }

  const { request, application, plan } = await loadRequestPlan(db, requestId);
  const [existingCredential] = await db
    .select({ id: credentials.id })
    .from(credentials)
    .where(and(eq(credentials.applicationId, application.id), eq(credentials.environment, environment)));

  log.info({ type: request.type, topic: request.topicName, applicationId: application.id }, "provisioning started");
  let applied;
  try {
    applied = await applyPlan(plan, { requestId, userIsManaged: Boolean(existingCredential) });
  } catch (error) {
    const reason = error instanceof ProvisioningError ? error.message : "Provisioning failed unexpectedly; see the server log.";
    await markFailed(requestId, actorId, reason);
    return { state: "failed", failureReason: reason };
  }

  try {
    await db.transaction((tx) => recordProvisioned(tx, { request, application, plan, actorId, environment }));
  } catch (error) {
    log.error({ err: error }, "recording provisioning failed, undoing cluster changes");
    await undoChanges(applied, { requestId });
    const reason = "The cluster changes were made but could not be recorded, so they were undone; retry provisioning.";
    await markFailed(requestId, actorId, reason);
    return { state: "failed", failureReason: reason };
  }

  log.info({ topic: request.topicName }, "provisioning finished");
  return { state: "provisioned", failureReason: null };
}

async function recordProvisioned(
  tx: Transaction,
  input: { request: RequestRow; application: ApplicationRow; plan: ClusterPlan; actorId: string; environment: string },
): Promise<void> {
  const { request, application, plan, actorId, environment } = input;

  let topicId: string;
  if (request.type === "new_topic") {
    const proposal = TopicProposalPayload.parse(request.payload);
    const [topic] = await tx
      .insert(topics)
      .values({
        name: proposal.name,
        nameKey: collisionKey(proposal.name),
        environment,
        domainId: proposal.domainId,
        ownerTeamId: request.teamId,
        description: proposal.description,
        partitions: proposal.partitions,
        retentionDays: proposal.retentionDays,
        classification: proposal.classification,
        provisionedAt: sql`now()`,
      })
      .returning({ id: topics.id });
    if (!topic) throw new Error("topic insert returned no row");
    topicId = topic.id;
  } else {
    const [topic] = await tx.select({ id: topics.id }).from(topics).where(eq(topics.name, request.topicName));
    if (!topic) throw new Error(`topic ${request.topicName} is missing from the catalog`);
    topicId = topic.id;
  }

  const [grant] = await tx
    .insert(grants)
    .values({
      applicationId: application.id,
      topicId,
      role: request.type === "new_topic" ? "producer" : "consumer",
      requestId: request.id,
    })
    .returning({ id: grants.id });
  if (!grant) throw new Error("grant insert returned no row");

  await tx.insert(aclBindings).values(plan.acls.map((binding) => ({ grantId: grant.id, ...binding })));
  await tx
    .insert(credentials)
    .values({ applicationId: application.id, environment, username: plan.scramUser, mechanism: SCRAM_MECHANISM_NAME })
    .onConflictDoNothing();

  await tx
    .update(requests)
    .set({ state: "provisioned", provisionedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(requests.id, request.id));
  await recordAuditEvent(tx, {
    actorId,
    action: "request.provisioned",
    entityType: "request",
    entityId: request.id,
    requestId: request.id,
    before: { state: "provisioning" },
    after: { state: "provisioned", grantId: grant.id, acls: plan.acls.length, topic: request.topicName },
  });
}

async function markFailed(requestId: string, actorId: string, reason: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(requests)
      .set({ state: "failed", failureReason: reason, updatedAt: sql`now()` })
      .where(eq(requests.id, requestId));
    await recordAuditEvent(tx, {
      actorId,
      action: "request.failed",
      entityType: "request",
      entityId: requestId,
      requestId,
      before: { state: "provisioning" },
      after: { state: "failed", reason },
    });
  });
  logger.warn({ requestId, reason }, "provisioning failed");
}
