import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { aclBindings, provisioningJobs, provisioningSteps } from "@/db/schema";
import type { Caller } from "@/lib/auth/caller";
import { revealCredential } from "@/lib/data/credentials/reveal-credential";
import { proposeTopic } from "@/lib/data/requests/propose-topic";
import { reviewRequest } from "@/lib/data/requests/review-request";
import { closeDb, getDb } from "@/lib/db";
import { aclKey } from "@/lib/domain/acl-templates";
import { describeAclsOf } from "@/lib/kafka/acls";
import { resetAdmin } from "@/lib/kafka/client";
import { drainJobs } from "@/lib/provisioning/worker";

import { startBroker, stopBroker } from "../../scripts/kafka/config.mjs";

import {
  adminKafka,
  approveAndProvision,
  createApplication,
  createTeamWithMember,
  domainId,
  kafkaAs,
  requestOutcome,
  uniqueSuffix,
  using,
} from "./fixtures";

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value ${JSON.stringify(value)}`);
    await sleep(200);
    value = await read();
  }
  return value;
}

async function jobOf(requestId: string) {
  const db = await getDb();
  const [job] = await db.select().from(provisioningJobs).where(eq(provisioningJobs.requestId, requestId));
  return job!;
}

async function stepsOf(jobId: string) {
  const db = await getDb();
  return db.select().from(provisioningSteps).where(eq(provisioningSteps.jobId, jobId)).orderBy(provisioningSteps.position);
}

/** Starts `npm run worker`'s entry point as a child process, with extra environment variables. */
function spawnWorker(env: Record<string, string>): ChildProcess {
  const root = path.resolve(__dirname, "../..");
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

describe("provisioning resilience", () => {
  let admin: Caller;
  let producer: Caller;
  let teamId: string;
  let claims: string;

  beforeAll(async () => {
    admin = await (await createTeamWithMember("platform", "admin-one@example.org")).caller();
    const team = await createTeamWithMember("resilience");
    teamId = team.teamId;
    producer = await team.caller();
    claims = await domainId("claims");
  });

  afterAll(async () => {
    await startBroker({ quiet: true });
    await resetAdmin();
    await closeDb();
  });

  async function propose(applicationId: string) {
    const name = `appointment_booked_${uniqueSuffix()}`;
    const { requestId } = await proposeTopic(producer, {
      domainId: claims,
      name,
      description: "A veteran booked an appointment at a clinic.",
      partitions: 3,
      retentionDays: 7,
      classification: "none",
      producerApplicationId: applicationId,
    });
    return { name, requestId };
  }

  it("provisions an approval made while the broker was down", async () => {
    const application = await createApplication(teamId, "producer", "patient-app");
    const { name, requestId } = await propose(application.id);
    await stopBroker({ log: () => undefined });
    await resetAdmin();

    const review = await reviewRequest(admin, { requestId, decision: "approve", comment: "Approved during an outage." });
    expect(review.state).toBe("approved");

    await drainJobs();
    const waiting = await jobOf(requestId);
    expect(waiting.state).toBe("queued");
    expect(waiting.attempts).toBeGreaterThanOrEqual(1);
    expect(waiting.lastError).toMatch(/topic:/);
    expect((await requestOutcome(requestId)).state).toBe("provisioning");

    await startBroker({ quiet: true });
    const outcome = await waitFor(
      async () => {
        await drainJobs();
        return requestOutcome(requestId);
      },
      (value) => value.state !== "provisioning",
      60_000,
    );
    expect(outcome.state).toBe("provisioned");
    expect((await jobOf(requestId)).attempts).toBeGreaterThanOrEqual(2);

    const credential = await revealCredential(producer, application.id);
    const producerClient = kafkaAs(credential.username, credential.password).producer();
    await using(producerClient, (client) => client.send({ topic: name, messages: [{ value: "{}" }] }));
  });

  it("finishes a job after its worker is killed", async () => {
    const application = await createApplication(teamId, "producer", "crashing-app");
    const { name, requestId } = await propose(application.id);
    await reviewRequest(admin, { requestId, decision: "approve", comment: "Go." });
    const job = await jobOf(requestId);

    const worker = spawnWorker({ ONRAMP_FAULT_PAUSE_AFTER_STEP: "topic_configs", ONRAMP_WORKER_POLL_MS: "100" });
    let output = "";
    worker.stdout?.on("data", (chunk) => (output += String(chunk)));
    worker.stderr?.on("data", (chunk) => (output += String(chunk)));
    try {
      await waitFor(
        () => stepsOf(job.id),
        (steps) => steps.find((step) => step.name === "topic_configs")?.state === "done",
        30_000,
      );
    } finally {
      worker.kill("SIGKILL");
    }
    await new Promise((resolve) => worker.once("exit", resolve));
    expect(output).toContain("fault injection: pausing after step");

    const killed = await stepsOf(job.id);
    expect(killed.find((step) => step.name === "topic")?.state).toBe("done");
    expect(killed.find((step) => step.name === "acls")?.state).toBe("pending");
    const afterKill = await using(adminKafka().admin(), (client) => describeAclsOf(client, `User:${application.name}`));
    expect(afterKill).toEqual([]);

    const restarted = spawnWorker({ ONRAMP_WORKER_POLL_MS: "100" });
    try {
      const outcome = await waitFor(() => requestOutcome(requestId), (value) => value.state === "provisioned", 30_000);
      expect(outcome.state).toBe("provisioned");
    } finally {
      restarted.kill("SIGTERM");
      await new Promise((resolve) => restarted.once("exit", resolve));
    }

    const acls = await using(adminKafka().admin(), (client) => describeAclsOf(client, `User:${application.name}`));
    const keys = acls.map(aclKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(
      [
        `User:${application.name}|TOPIC|LITERAL|${name}|DESCRIBE|ALLOW|*`,
        `User:${application.name}|TOPIC|LITERAL|${name}|WRITE|ALLOW|*`,
      ].sort(),
    );
    const db = await getDb();
    const recorded = await db.select().from(aclBindings).where(eq(aclBindings.principal, `User:${application.name}`));
    expect(recorded).toHaveLength(2);
    const topicStep = (await stepsOf(job.id)).find((step) => step.name === "topic");
    expect(topicStep?.attempts).toBe(1);
  });

  it("runs each job once with several workers", async () => {
    const requestIds: string[] = [];
    for (let index = 0; index < 6; index += 1) {
      const application = await createApplication(teamId, "producer", `pooled-app-${index}`);
      const { requestId } = await propose(application.id);
      await reviewRequest(admin, { requestId, decision: "approve", comment: "Batch." });
      requestIds.push(requestId);
    }

    const ran = await Promise.all([drainJobs("worker-a"), drainJobs("worker-b"), drainJobs("worker-c")]);

    expect(ran.reduce((sum, count) => sum + count, 0)).toBe(6);
    const db = await getDb();
    for (const requestId of requestIds) {
      expect((await requestOutcome(requestId)).state).toBe("provisioned");
      const job = await jobOf(requestId);
      expect(job.attempts).toBe(1);
      const [record] = await db
        .select({ attempts: provisioningSteps.attempts })
        .from(provisioningSteps)
        .where(and(eq(provisioningSteps.jobId, job.id), eq(provisioningSteps.name, "record")));
      expect(record?.attempts).toBe(1);
    }
    const [{ count }] = (await db
      .select({ count: sql<number>`count(distinct ${provisioningJobs.lockedBy})::int` })
      .from(provisioningJobs)) as [{ count: number }];
    expect(count).toBe(0);
  });

  it("names the differing config of a hand-made topic", async () => {
    const application = await createApplication(teamId, "producer", "config-clash");
    const { name, requestId } = await propose(application.id);
    await using(adminKafka().admin(), (client) =>
      client.createTopics({
        topics: [{ topic: name, numPartitions: 3, configEntries: [{ name: "retention.ms", value: "86400000" }] }],
        waitForLeaders: true,
      }),
    );

    const outcome = await approveAndProvision(admin, requestId);

    expect(outcome.state).toBe("failed");
    expect(outcome.failureReason).toContain("retention.ms: found 86400000, expected 604800000");
    const configs = await using(adminKafka().admin(), (client) =>
      client.describeConfigs({ resources: [{ type: 2, name, configNames: ["retention.ms"] }], includeSynonyms: false }),
    );
    expect(configs.resources[0]?.configEntries[0]?.configValue).toBe("86400000");
    expect(await using(adminKafka().admin(), (client) => describeAclsOf(client, `User:${application.name}`))).toEqual([]);
    await using(adminKafka().admin(), (client) => client.deleteTopics({ topics: [name] }));
  });
});
