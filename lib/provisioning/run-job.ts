import "server-only";

import { and, asc, eq, isNotNull, isNull, ne, sql } from "drizzle-orm";

import { aclBindings, credentials, grants, provisioningJobs, provisioningSteps, requests, topics } from "@/db/schema";
import { config, retryPolicy } from "@/lib/config";
import { bindingOf } from "@/lib/data/acl-binding-row";
import { recordAuditEvent } from "@/lib/data/audit/record-audit-event";
import { notifyRequestEvent } from "@/lib/data/notifications/notify";
import { loadRequestPlan } from "@/lib/data/requests/load-request-plan";
import { getDb } from "@/lib/db";
import { aclKey, type AclBinding } from "@/lib/domain/acl-templates";
import type { ClusterPlan } from "@/lib/domain/cluster-plan";
import { hasAttemptsLeft, retryDelayMs, type ProvisioningStepName } from "@/lib/domain/provisioning";
import { undoChanges } from "@/lib/kafka/undo-changes";
import { describeClusterError, isRetriableClusterError } from "@/lib/kafka/errors";
import { logger } from "@/lib/logger";

import { CLUSTER_STEPS, PermanentStepError, type ClusterStepName, type StepDetails } from "./steps";

export interface ClaimedJob {
  id: string;
  requestId: string;
  attempts: number;
  maxAttempts: number;
  createdCredential: boolean;
}

/** The worker lost its lease on a job, so another worker may be running it now. */
export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`Lease on provisioning job ${jobId} was lost`);
    this.name = "LeaseLostError";
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Extends the job's lease; throws when another worker has taken the job over. */
async function renewLease(job: ClaimedJob, workerId: string): Promise<void> {
  const db = await getDb();
  const renewed = await db
    .update(provisioningJobs)
    .set({ lockedUntil: sql`now() + make_interval(secs => ${config().ONRAMP_JOB_LEASE_MS / 1000})` })
    .where(and(eq(provisioningJobs.id, job.id), eq(provisioningJobs.lockedBy, workerId), eq(provisioningJobs.state, "running")))
    .returning({ id: provisioningJobs.id });
  if (renewed.length === 0) throw new LeaseLostError(job.id);
}

/**
 * Runs a claimed job's remaining steps in order and records each one's state, attempts, timing
 * and error. A failure that may pass (an unreachable cluster, a timeout) puts the job back in
 * the queue with a backoff until its attempts run out; a permanent one fails it at once and
 * undoes what the job created.
 */
export async function runJob(job: ClaimedJob, workerId: string): Promise<void> {
  const db = await getDb();
  const log = logger.child({ jobId: job.id, requestId: job.requestId, workerId, attempt: job.attempts });
  const { request, plan } = await loadRequestPlan(db, job.requestId);

  if (request.state === "approved") {
    await db.transaction(async (tx) => {
      await tx
        .update(requests)
        .set({ state: "provisioning", updatedAt: sql`now()` })
        .where(and(eq(requests.id, request.id), eq(requests.state, "approved")));
      await recordAuditEvent(tx, {
        actorId: null,
        action: "request.provisioning",
        entityType: "request",
        entityId: request.id,
        requestId: request.id,
        before: { state: "approved" },
        after: { state: "provisioning", jobId: job.id },
      });
    });
  }

  const steps = await db
    .select()
    .from(provisioningSteps)
    .where(eq(provisioningSteps.jobId, job.id))
    .orderBy(asc(provisioningSteps.position));
  const details: StepDetails = Object.fromEntries(
    steps.filter((step) => step.detail !== null).map((step) => [step.name, step.detail]),
  );
  log.info({ steps: steps.filter((step) => step.state !== "done").map((step) => step.name) }, "job started");

  for (const step of steps) {
    if (step.state === "done") continue;
    const name = step.name as ProvisioningStepName;
    await renewLease(job, workerId);
    const started = Date.now();
    await db
      .update(provisioningSteps)
      .set({ state: "running", attempts: sql`${provisioningSteps.attempts} + 1`, startedAt: sql`now()`, lastError: null })
      .where(and(eq(provisioningSteps.jobId, job.id), eq(provisioningSteps.name, name)));

    const heartbeat = startHeartbeat(job, workerId);
    try {
      if (name === "record") {
        await recordSuccess(job, workerId, started, details);
      } else {
        const detail = await CLUSTER_STEPS[name]({
          plan,
          details,
          userIsManaged: () => userIsManaged(request.applicationId),
          saveDetail: (stepName, value) => saveStepDetail(job.id, stepName, value),
        });
        (details as Record<string, unknown>)[name] = detail;
        heartbeat.assertHeld();
        await db
          .update(provisioningSteps)
          .set({ state: "done", finishedAt: sql`now()`, durationMs: Date.now() - started, detail })
          .where(and(eq(provisioningSteps.jobId, job.id), eq(provisioningSteps.name, name)));
      }
      log.info({ step: name, ms: Date.now() - started }, "step done");
    } catch (error) {
      if (error instanceof LeaseLostError) throw error;
      await handleStepFailure({ job, workerId, step: name, error, details, plan, startedAt: started });
      return;
    } finally {
      heartbeat.stop();
    }

    await pauseForFaultInjection(name, log);
  }
}

/**
 * Renews the job's lease every third of its length while a step runs, because one slow admin
 * request can outlast the lease. Once a renewal finds the job taken over, `assertHeld` throws.
 */
function startHeartbeat(job: ClaimedJob, workerId: string): { stop: () => void; assertHeld: () => void } {
  let lost = false;
  const timer = setInterval(() => {
    renewLease(job, workerId).catch((error: unknown) => {
      lost = lost || error instanceof LeaseLostError;
      if (!(error instanceof LeaseLostError)) logger.warn({ err: error, jobId: job.id }, "lease renewal failed");
    });
  }, Math.max(250, config().ONRAMP_JOB_LEASE_MS / 3));
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    assertHeld: () => {
      if (lost) throw new LeaseLostError(job.id);
    },
  };
}

/**
 * Returns whether Onramp created the application's Kafka user: its credential is ready, or a
 * provisioning job of the application recorded that it was creating the user. Any other user
 * of that name was made outside Onramp and must not be taken over.
 */
async function userIsManaged(applicationId: string): Promise<boolean> {
  const db = await getDb();
  const [ready] = await db
    .select({ id: credentials.id })
    .from(credentials)
    .where(and(eq(credentials.applicationId, applicationId), isNotNull(credentials.readyAt)));
  if (ready) return true;
  const [creating] = await db
    .select({ jobId: provisioningSteps.jobId })
    .from(provisioningSteps)
    .innerJoin(provisioningJobs, eq(provisioningJobs.id, provisioningSteps.jobId))
    .innerJoin(requests, eq(requests.id, provisioningJobs.requestId))
    .where(
      and(
        eq(requests.applicationId, applicationId),
        eq(provisioningSteps.name, "scram_user"),
        sql`(${provisioningSteps.detail} ->> 'creating') = 'true'`,
      ),
    );
  return Boolean(creating);
}

async function saveStepDetail(jobId: string, step: ClusterStepName, detail: unknown): Promise<void> {
  const db = await getDb();
  await db
    .update(provisioningSteps)
    .set({ detail })
    .where(and(eq(provisioningSteps.jobId, jobId), eq(provisioningSteps.name, step)));
}

/** Lets a test kill the worker at a known point; see ONRAMP_FAULT_PAUSE_AFTER_STEP. */
async function pauseForFaultInjection(step: string, log: typeof logger): Promise<void> {
  const pauseAfter = config().ONRAMP_FAULT_PAUSE_AFTER_STEP;
  if (!pauseAfter || pauseAfter !== step || process.env.NODE_ENV === "production") return;
  log.warn({ step }, "fault injection: pausing after step");
  await sleep(10 * 60_000);
}

/** Marks the topic and grant live and the request provisioned, with the job, in one transaction. */
async function recordSuccess(job: ClaimedJob, workerId: string, started: number, details: StepDetails): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const finished = await tx
      .update(provisioningJobs)
      .set({ state: "succeeded", finishedAt: sql`now()`, updatedAt: sql`now()`, lockedBy: null, lockedUntil: null, lastError: null })
      .where(and(eq(provisioningJobs.id, job.id), eq(provisioningJobs.lockedBy, workerId)))
      .returning({ id: provisioningJobs.id });
    if (finished.length === 0) throw new LeaseLostError(job.id);

    const [request] = await tx
      .update(requests)
      .set({ state: "provisioned", provisionedAt: sql`now()`, failureReason: null, updatedAt: sql`now()` })
      .where(eq(requests.id, job.requestId))
      .returning();
    if (!request) throw new Error(`request ${job.requestId} disappeared`);
    await tx
      .update(topics)
      .set({ provisionedAt: sql`now()` })
      .where(and(eq(topics.name, request.topicName), isNull(topics.provisionedAt)));
    await tx
      .update(grants)
      .set({ activatedAt: sql`now()` })
      .where(and(eq(grants.requestId, request.id), isNull(grants.activatedAt)));
    await tx
      .update(credentials)
      .set({ readyAt: sql`now()` })
      .where(and(eq(credentials.applicationId, request.applicationId), isNull(credentials.readyAt)));
    await tx
      .update(provisioningSteps)
      .set({ state: "done", finishedAt: sql`now()`, durationMs: Date.now() - started })
      .where(and(eq(provisioningSteps.jobId, job.id), eq(provisioningSteps.name, "record")));
    // Both teams heard of a revocation when it was made, and "live" would be wrong for it.
    if (request.type !== "access_revocation") {
      await notifyRequestEvent(tx, { event: { kind: "provisioned" }, request, actorId: null });
    }
    if (details.topic?.adopted) {
      await recordAuditEvent(tx, {
        actorId: null,
        action: "topic.adopted",
        entityType: "topic",
        entityId: request.topicName,
        requestId: request.id,
        after: { note: "The topic existed on the cluster with the approved settings and is now managed by Onramp." },
      });
    }
    await recordAuditEvent(tx, {
      actorId: null,
      action: "request.provisioned",
      entityType: "request",
      entityId: request.id,
      requestId: request.id,
      before: { state: "provisioning" },
      after: { state: "provisioned", jobId: job.id, attempts: job.attempts },
    });
  });
}

async function handleStepFailure(input: {
  job: ClaimedJob;
  workerId: string;
  step: ProvisioningStepName;
  error: unknown;
  details: StepDetails;
  plan: ClusterPlan;
  startedAt: number;
}): Promise<void> {
  const { job, workerId, step, error, details, plan, startedAt } = input;
  const db = await getDb();
  const log = logger.child({ jobId: job.id, requestId: job.requestId, workerId, step });
  const message = describeClusterError(error);
  const permanent = error instanceof PermanentStepError || !isRetriableClusterError(error);
  const retry = !permanent && hasAttemptsLeft(job.attempts, { maxAttempts: job.maxAttempts });
  const delay = retryDelayMs(job.attempts, retryPolicy());

  // The job changes state only while this worker still has its lease. A worker that lost the
  // job to another must neither undo nor fail what the other is doing.
  const [held] = await db
    .update(provisioningJobs)
    .set(
      retry
        ? {
            state: "queued",
            runAfter: sql`now() + make_interval(secs => ${delay / 1000})`,
            lockedBy: null,
            lockedUntil: null,
            lastError: `${step}: ${message}`,
            updatedAt: sql`now()`,
          }
        : { lastError: `${step}: ${message}`, updatedAt: sql`now()` },
    )
    .where(and(eq(provisioningJobs.id, job.id), eq(provisioningJobs.lockedBy, workerId), eq(provisioningJobs.state, "running")))
    .returning({ id: provisioningJobs.id });
  if (!held) throw new LeaseLostError(job.id);

  await db
    .update(provisioningSteps)
    .set({ state: "failed", finishedAt: sql`now()`, durationMs: Date.now() - startedAt, lastError: message })
    .where(and(eq(provisioningSteps.jobId, job.id), eq(provisioningSteps.name, step)));

  if (retry) {
    log.warn({ err: error, attempt: job.attempts, maxAttempts: job.maxAttempts, retryInMs: delay }, "step failed, will retry");
    return;
  }

  let leftovers: string[] = [];
  if (permanent) {
    log.error({ err: error }, "step failed permanently, undoing this job's cluster changes");
    const stored = await storedDetails(job.id);
    leftovers = await undoChanges(
      {
        createdTopic: (stored.topic?.created || stored.topic?.creating) && plan.topic ? plan.topic.name : null,
        createdAcls: await aclsNoOtherGrantNeeds(job.requestId, stored.acls?.created ?? details.acls?.created ?? []),
        createdUser: stored.scram_user?.creating ? plan.scramUser : null,
      },
      { requestId: job.requestId },
    );
  } else {
    log.error({ err: error, attempts: job.attempts }, "step failed and the job has no attempts left");
  }

  let reason = permanent
    ? message
    : `Provisioning stopped after ${job.attempts} attempts; the last error, at step ${step}, was: ${message}. ` +
      "What was done so far is kept; retry when the cluster is reachable.";
  if (leftovers.length > 0) reason += ` Could not undo: ${leftovers.join("; ")}; the drift page lists them.`;
  await failJob({ job, workerId, reason, removeDesiredState: permanent && leftovers.length === 0 });
}

/** Reads the step details as stored, including what a failing step saved before its cluster call. */
async function storedDetails(jobId: string): Promise<StepDetails> {
  const db = await getDb();
  const rows = await db
    .select({ name: provisioningSteps.name, detail: provisioningSteps.detail })
    .from(provisioningSteps)
    .where(eq(provisioningSteps.jobId, jobId));
  return Object.fromEntries(rows.filter((row) => row.detail !== null).map((row) => [row.name, row.detail]));
}

/** Keeps only the bindings that no other unrevoked grant records, such as a shared group ACL. */
async function aclsNoOtherGrantNeeds(requestId: string, created: AclBinding[]): Promise<AclBinding[]> {
  if (created.length === 0) return [];
  const db = await getDb();
  const others = await db
    .select({ binding: aclBindings })
    .from(aclBindings)
    .innerJoin(grants, eq(grants.id, aclBindings.grantId))
    .where(and(ne(grants.requestId, requestId), isNull(grants.revokedAt)));
  const needed = new Set(others.map(({ binding }) => aclKey(bindingOf(binding))));
  return created.filter((binding) => !needed.has(aclKey(binding)));
}

/**
 * Fails the job and its request. After a permanent failure whose changes were all undone, the
 * desired rows written at approval are removed as well, because the request cannot succeed as
 * approved; a retry writes them again.
 */
async function failJob(input: { job: ClaimedJob; workerId: string; reason: string; removeDesiredState: boolean }) {
  const { job, workerId, reason, removeDesiredState } = input;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [held] = await tx
      .update(provisioningJobs)
      .set({ state: "failed", finishedAt: sql`now()`, updatedAt: sql`now()`, lockedBy: null, lockedUntil: null, lastError: reason })
      .where(and(eq(provisioningJobs.id, job.id), eq(provisioningJobs.lockedBy, workerId)))
      .returning({ id: provisioningJobs.id });
    if (!held) throw new LeaseLostError(job.id);
    const [request] = await tx
      .update(requests)
      .set({ state: "failed", failureReason: reason, updatedAt: sql`now()` })
      .where(eq(requests.id, job.requestId))
      .returning();
    if (!request) return;

    if (removeDesiredState) {
      // The cluster changes were undone, so every step starts from scratch on a retry. The
      // failed step keeps its state and error for the request page.
      await tx.update(provisioningSteps).set({ detail: null }).where(eq(provisioningSteps.jobId, job.id));
      await tx
        .update(provisioningSteps)
        .set({ state: "pending" })
        .where(and(eq(provisioningSteps.jobId, job.id), sql`${provisioningSteps.state} <> 'failed'`));
      await tx.delete(grants).where(and(eq(grants.requestId, request.id), isNull(grants.activatedAt)));
      if (request.type === "new_topic") {
        await tx.delete(topics).where(and(eq(topics.name, request.topicName), isNull(topics.provisionedAt)));
      }
      if (job.createdCredential) {
        const [remaining] = await tx
          .select({ id: grants.id })
          .from(grants)
          .where(eq(grants.applicationId, request.applicationId));
        if (!remaining) {
          await tx
            .delete(credentials)
            .where(and(eq(credentials.applicationId, request.applicationId), isNull(credentials.readyAt)));
        }
      }
    }
    await notifyRequestEvent(tx, { event: { kind: "provisioning_failed" }, request, actorId: null });
    await recordAuditEvent(tx, {
      actorId: null,
      action: "request.failed",
      entityType: "request",
      entityId: request.id,
      requestId: request.id,
      before: { state: "provisioning" },
      after: { state: "failed", jobId: job.id, reason },
    });
  });
  logger.warn({ jobId: job.id, requestId: job.requestId, reason }, "provisioning job failed");
}

/**
 * Fails a job that was claimed more often than it may be attempted, which happens when its
 * workers keep crashing before they can record a failure.
 */
export async function failExhaustedJob(job: ClaimedJob, workerId: string): Promise<void> {
  await failJob({
    job,
    workerId,
    reason: `Provisioning stopped after ${job.maxAttempts} attempts whose workers stopped before finishing; see the worker logs, then retry.`,
    removeDesiredState: false,
  });
}
