import "server-only";

import { hostname } from "node:os";
import { randomBytes } from "node:crypto";

import { sql } from "drizzle-orm";

import { config } from "@/lib/config";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/logger";

import { failExhaustedJob, LeaseLostError, runJob, type ClaimedJob } from "./run-job";

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/**
 * Claims the next job that is due, or one whose worker's lease ran out. `SKIP LOCKED` lets any
 * number of workers poll at once without two of them taking the same job.
 */
export async function claimJob(workerId: string): Promise<ClaimedJob | null> {
  const db = await getDb();
  const leaseSeconds = config().ONRAMP_JOB_LEASE_MS / 1000;
  const result = await db.execute(sql`
    update provisioning_jobs
    set state = 'running',
        locked_by = ${workerId},
        locked_until = now() + make_interval(secs => ${leaseSeconds}),
        attempts = attempts + 1,
        updated_at = now()
    where id = (
      select id from provisioning_jobs
      where (state = 'queued' and run_after <= now())
         or (state = 'running' and locked_until < now())
      order by run_after
      limit 1
      for update skip locked
    )
    returning id, request_id, attempts, max_attempts, created_credential
  `);
  const row = (result as unknown as { rows: Array<Record<string, unknown>> }).rows[0];
  if (!row) return null;
  return {
    id: String(row.id),
    requestId: String(row.request_id),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    createdCredential: Boolean(row.created_credential),
  };
}

/** Claims and runs one job; returns false when no job was due. */
export async function runNextJob(workerId: string): Promise<boolean> {
  const job = await claimJob(workerId);
  if (!job) return false;
  try {
    if (job.attempts > job.maxAttempts) await failExhaustedJob(job, workerId);
    else await runJob(job, workerId);
  } catch (error) {
    if (error instanceof LeaseLostError) {
      logger.warn({ jobId: job.id, workerId }, "lost the job's lease; another worker continues it");
    } else {
      // The job stays running until its lease ends, then a worker claims it again.
      logger.error({ err: error, jobId: job.id, requestId: job.requestId, workerId }, "job crashed");
    }
  }
  return true;
}

/** Runs due jobs until none is left; for scripts, tests and benchmarks. Returns the jobs run. */
export async function drainJobs(workerId = newWorkerId()): Promise<number> {
  let ran = 0;
  while (await runNextJob(workerId)) ran += 1;
  return ran;
}

export interface WorkerHandle {
  id: string;
  /** Wakes idle loops so that a newly queued job starts without waiting for the next poll. */
  wake: () => void;
  stop: () => Promise<void>;
}

/** Starts polling loops that run jobs until stopped. */
export function startWorker(options: { concurrency?: number; pollMs?: number } = {}): WorkerHandle {
  const id = newWorkerId();
  const concurrency = options.concurrency ?? config().ONRAMP_WORKER_CONCURRENCY;
  const pollMs = options.pollMs ?? config().ONRAMP_WORKER_POLL_MS;
  const log = logger.child({ workerId: id });
  let running = true;
  const sleepers = new Set<() => void>();

  const idle = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, pollMs);
      sleepers.add(done);
    });

  // Each loop claims under its own id, so a lease can tell the loops of one process apart.
  const loop = async (index: number) => {
    const loopId = `${id}/${index}`;
    while (running) {
      try {
        if (!(await runNextJob(loopId))) await idle();
      } catch (error) {
        log.error({ err: error }, "worker loop failed, retrying after the poll interval");
        await idle();
      }
    }
  };

  log.info({ concurrency, pollMs }, "provisioning worker started");
  const loops = Array.from({ length: concurrency }, (_, index) => loop(index));
  return {
    id,
    wake: () => {
      for (const wake of [...sleepers]) wake();
    },
    stop: async () => {
      running = false;
      for (const wake of [...sleepers]) wake();
      await Promise.all(loops);
      log.info("provisioning worker stopped");
    },
  };
}

const globalForWorker = globalThis as unknown as { onrampWorker?: WorkerHandle };

/** Starts the worker inside this process once, unless ONRAMP_WORKER_IN_PROCESS is false. */
export function ensureInProcessWorker(): void {
  if (!config().ONRAMP_WORKER_IN_PROCESS || globalForWorker.onrampWorker) return;
  globalForWorker.onrampWorker = startWorker();
}

/** Nudges the in-process worker after a job was queued; does nothing when there is none. */
export function wakeInProcessWorker(): void {
  globalForWorker.onrampWorker?.wake();
}
