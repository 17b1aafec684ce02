import "server-only";

import { and, eq, isNull, ne, sql } from "drizzle-orm";

import { aclBindings, credentials, grants, provisioningJobs, provisioningSteps, topics } from "@/db/schema";
import { retryPolicy } from "@/lib/config";
import { TopicProposalPayload } from "@/lib/data/requests/payloads";
import type { ApplicationRow, RequestRow } from "@/lib/data/requests/load-request-plan";
import type { Transaction } from "@/lib/db";
import type { ClusterPlan } from "@/lib/domain/cluster-plan";
import { collisionKey } from "@/lib/domain/naming";
import { jobStepsFor, type ProvisioningStepName } from "@/lib/domain/provisioning";
import { SCRAM_MECHANISM_NAME } from "@/lib/kafka/scram";

/**
 * Writes what an approved request should make exist (topic, grant, its ACL bindings, the
 * application's credential) and queues the job that makes the cluster match. Runs inside the
 * approval's transaction, so an approval never exists without its job. Running it again for the
 * same request, as a retry does, keeps existing rows and queues the job again from its first
 * unfinished step.
 */
export async function materializeApproval(
  tx: Transaction,
  input: { request: RequestRow; application: ApplicationRow; plan: ClusterPlan; environment: string },
): Promise<{ jobId: string }> {
  const { request, application, plan, environment } = input;

  if (request.type === "new_topic") {
    const proposal = TopicProposalPayload.parse(request.payload);
    await tx
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
      })
      .onConflictDoNothing({ target: topics.name });
  }
  const [topic] = await tx.select({ id: topics.id }).from(topics).where(eq(topics.name, request.topicName));
  if (!topic) throw new Error(`topic ${request.topicName} of request ${request.id} is not in the database`);
  const topicId = topic.id;

  const role = request.type === "new_topic" ? "producer" : "consumer";
  // A grant left pending by an earlier failed request now belongs to this one.
  await tx
    .insert(grants)
    .values({ applicationId: application.id, topicId, role, requestId: request.id })
    .onConflictDoUpdate({
      target: [grants.applicationId, grants.topicId, grants.role],
      targetWhere: sql`${grants.revokedAt} is null`,
      set: { requestId: request.id },
      setWhere: sql`${grants.activatedAt} is null`,
    });
  const [grant] = await tx
    .select({ id: grants.id })
    .from(grants)
    .where(
      and(
        eq(grants.applicationId, application.id),
        eq(grants.topicId, topicId),
        eq(grants.role, role),
        isNull(grants.revokedAt),
      ),
    );
  if (!grant) throw new Error(`grant of request ${request.id} was not written`);
  await tx
    .insert(aclBindings)
    .values(plan.acls.map((binding) => ({ grantId: grant.id, ...binding })))
    .onConflictDoNothing();

  const insertedCredential = await tx
    .insert(credentials)
    .values({ applicationId: application.id, environment, username: plan.scramUser, mechanism: SCRAM_MECHANISM_NAME })
    .onConflictDoNothing()
    .returning({ id: credentials.id });

  return enqueueJob(tx, { requestId: request.id, steps: jobStepsFor(request.type), createdCredential: insertedCredential.length > 0 });
}

/**
 * Queues the job of a request, or queues it again. A job queued again resumes: steps already
 * done stay done and the others start over.
 */
export async function enqueueJob(
  tx: Transaction,
  input: { requestId: string; steps: readonly ProvisioningStepName[]; createdCredential: boolean },
): Promise<{ jobId: string }> {
  const [job] = await tx
    .insert(provisioningJobs)
    .values({
      requestId: input.requestId,
      maxAttempts: retryPolicy().maxAttempts,
      createdCredential: input.createdCredential,
    })
    .onConflictDoUpdate({
      target: provisioningJobs.requestId,
      set: {
        state: "queued",
        attempts: 0,
        maxAttempts: retryPolicy().maxAttempts,
        runAfter: sql`now()`,
        lockedBy: null,
        lockedUntil: null,
        lastError: null,
        finishedAt: null,
        updatedAt: sql`now()`,
        createdCredential: sql`${provisioningJobs.createdCredential} or excluded.created_credential`,
      },
    })
    .returning({ id: provisioningJobs.id });
  if (!job) throw new Error(`job of request ${input.requestId} was not written`);

  await tx
    .insert(provisioningSteps)
    .values(input.steps.map((name, position) => ({ jobId: job.id, name, position })))
    .onConflictDoNothing();
  await tx
    .update(provisioningSteps)
    .set({ state: "pending", lastError: null })
    .where(and(eq(provisioningSteps.jobId, job.id), ne(provisioningSteps.state, "done")));

  return { jobId: job.id };
}
