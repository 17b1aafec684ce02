import "server-only";

import { asc, eq } from "drizzle-orm";

import { provisioningJobs, provisioningSteps } from "@/db/schema";
import { getDb } from "@/lib/db";

export interface ProvisioningProgress {
  jobId: string;
  state: "queued" | "running" | "succeeded" | "failed";
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  steps: Array<{
    name: string;
    state: "pending" | "running" | "done" | "failed";
    attempts: number;
    durationMs: number | null;
    lastError: string | null;
    /** A remark about what the step found, such as an existing topic it adopted. */
    note: string | null;
  }>;
}

/** Loads the provisioning job of a request with its steps, or null before approval. */
export async function getProvisioningProgress(requestId: string): Promise<ProvisioningProgress | null> {
  const db = await getDb();
  const [job] = await db
    .select({
      id: provisioningJobs.id,
      state: provisioningJobs.state,
      attempts: provisioningJobs.attempts,
      maxAttempts: provisioningJobs.maxAttempts,
      runAfter: provisioningJobs.runAfter,
      lastError: provisioningJobs.lastError,
    })
    .from(provisioningJobs)
    .where(eq(provisioningJobs.requestId, requestId));
  if (!job) return null;

  const steps = await db
    .select({
      name: provisioningSteps.name,
      state: provisioningSteps.state,
      attempts: provisioningSteps.attempts,
      durationMs: provisioningSteps.durationMs,
      lastError: provisioningSteps.lastError,
      detail: provisioningSteps.detail,
    })
    .from(provisioningSteps)
    .where(eq(provisioningSteps.jobId, job.id))
    .orderBy(asc(provisioningSteps.position));

  return {
    jobId: job.id,
    state: job.state,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    nextAttemptAt: job.state === "queued" ? job.runAfter.toISOString() : null,
    lastError: job.lastError,
    steps: steps.map(({ detail, ...step }) => ({
      ...step,
      note: (detail as { adopted?: boolean } | null)?.adopted
        ? "The topic already existed with the approved settings; Onramp now manages it."
        : null,
    })),
  };
}
