import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { aclBindings, provisioningSteps, provisioningJobs, topics } from "@/db/schema";
import { proposeTopic } from "@/lib/data/requests/propose-topic";
import { retryProvisioning } from "@/lib/data/requests/retry-provisioning";
import { closeDb, getDb } from "@/lib/db";
import { describeAclsOf } from "@/lib/kafka/acls";
import { resetAdmin } from "@/lib/kafka/client";
import { scramUserExists } from "@/lib/kafka/scram";
import { drainJobs } from "@/lib/provisioning/worker";

import {
  adminKafka,
  approveAndProvision,
  createApplication,
  createTeamWithMember,
  domainId,
  requestOutcome,
  uniqueSuffix,
  using,
} from "./fixtures";

// Fault injection: the SCRAM step, which runs after the topic and ACL steps, fails while
// `fault.mode` is set: "transient" like a timeout, "permanent" like a broker policy rejection.
// Everything else talks to the real broker.
// Only the user named in `fault.username` fails, so jobs left by other files cannot use it up.
const fault = vi.hoisted(() => ({ mode: null as null | "transient" | "permanent", failures: 0, username: "", topic: "" }));

// The topic named in `fault.topic` is refused the way kafkajs reports a replication factor
// larger than the cluster: an aggregate holding the typed per-topic error.
vi.mock("@/lib/kafka/topics", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/kafka/topics")>();
  return {
    ...original,
    createTopic: async (admin: Parameters<typeof original.createTopic>[0], topic: Parameters<typeof original.createTopic>[1]) => {
      if (topic.name === fault.topic) {
        const inner = Object.assign(new Error("Replication factor: 3 larger than available brokers: 1."), {
          type: "INVALID_REPLICATION_FACTOR",
        });
        throw Object.assign(new Error("Topic creation errors"), { name: "KafkaJSAggregateError", errors: [inner] });
      }
      return original.createTopic(admin, topic);
    },
  };
});

vi.mock("@/lib/kafka/scram", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/kafka/scram")>();
  return {
    ...original,
    upsertScramUser: async (username: string, password: string) => {
      if (fault.mode && fault.failures > 0 && username === fault.username) {
        fault.failures -= 1;
        const error = new Error(`injected ${fault.mode} failure`) as Error & { type?: string };
        if (fault.mode === "permanent") error.type = "POLICY_VIOLATION";
        throw error;
      }
      return original.upsertScramUser(username, password);
    },
  };
});

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe("provisioning rollback and retries", () => {
  let setup: Awaited<ReturnType<typeof prepare>>;

  async function prepare() {
    const admin = await (await createTeamWithMember("platform", "admin-one@example.org")).caller();
    const producers = await createTeamWithMember("rollback");
    return { admin, producer: await producers.caller(), teamId: producers.teamId, claims: await domainId("claims") };
  }

  async function propose(applicationId: string) {
    const name = `decision_letter_sent_${uniqueSuffix()}`;
    const { requestId } = await proposeTopic(setup.producer, {
      domainId: setup.claims,
      name,
      description: "A decision letter was sent to the claimant.",
      partitions: 2,
      retentionDays: 3,
      classification: "none",
      producerApplicationId: applicationId,
    });
    return { name, requestId };
  }

  beforeAll(async () => {
    setup = await prepare();
  });

  afterAll(async () => {
    fault.mode = null;
    await resetAdmin();
    await closeDb();
  });

  let failedRequestId = "";
  let failedApplication = "";

  it("undoes topic and ACLs on permanent failure", async () => {
    const application = await createApplication(setup.teamId, "producer", "rollback-app");
    const { name, requestId } = await propose(application.id);
    failedRequestId = requestId;
    failedApplication = application.name;

    fault.mode = "permanent";
    fault.failures = 1;
    fault.username = application.name;
    const outcome = await approveAndProvision(setup.admin, requestId, "Go.");

    expect(outcome.state).toBe("failed");
    expect(outcome.failureReason).toContain("injected permanent failure");
    const [topicsAfter, aclsAfter] = await using(adminKafka().admin(), async (client) => [
      await client.listTopics(),
      await describeAclsOf(client, `User:${application.name}`),
    ] as const);
    expect(topicsAfter).not.toContain(name);
    expect(aclsAfter).toEqual([]);
    expect(await scramUserExists(application.name)).toBe(false);
    const db = await getDb();
    expect(await db.select().from(aclBindings).where(eq(aclBindings.principal, `User:${application.name}`))).toEqual([]);
    expect(await db.select().from(topics).where(eq(topics.name, name))).toEqual([]);
  });

  it("provisions on an administrator's retry", async () => {
    await retryProvisioning(setup.admin, failedRequestId);
    await drainJobs();

    expect((await requestOutcome(failedRequestId)).state).toBe("provisioned");
    const acls = await using(adminKafka().admin(), (client) => describeAclsOf(client, `User:${failedApplication}`));
    expect(acls).toHaveLength(2);
    expect(await scramUserExists(failedApplication)).toBe(true);
  });

  it("fails a rejected topic at once", async () => {
    const application = await createApplication(setup.teamId, "producer", "oversized-app");
    const { name, requestId } = await propose(application.id);
    fault.topic = name;

    const outcome = await approveAndProvision(setup.admin, requestId, "Go.");
    fault.topic = "";

    expect(outcome.state).toBe("failed");
    expect(outcome.failureReason).toContain("INVALID_REPLICATION_FACTOR");
    expect(outcome.failureReason).not.toContain("Could not undo");
    const db = await getDb();
    const [job] = await db.select().from(provisioningJobs).where(eq(provisioningJobs.requestId, requestId));
    expect(job?.attempts).toBe(1);
  });

  it("retries a transient failure by itself", async () => {
    const application = await createApplication(setup.teamId, "producer", "flaky-app");
    const { requestId } = await propose(application.id);

    fault.mode = "transient";
    fault.failures = 2;
    fault.username = application.name;
    const first = await approveAndProvision(setup.admin, requestId, "Go.");
    expect(first.state).toBe("provisioning");

    const db = await getDb();
    for (let round = 0; round < 40 && (await requestOutcome(requestId)).state !== "provisioned"; round += 1) {
      await sleep(100);
      await drainJobs();
    }

    expect((await requestOutcome(requestId)).state).toBe("provisioned");
    const [job] = await db.select().from(provisioningJobs).where(eq(provisioningJobs.requestId, requestId));
    expect(job?.attempts).toBe(3);
    const [step] = await db
      .select()
      .from(provisioningSteps)
      .where(and(eq(provisioningSteps.jobId, job!.id), eq(provisioningSteps.name, "scram_user")));
    expect(step?.attempts).toBe(3);
    const [topicStep] = await db
      .select()
      .from(provisioningSteps)
      .where(and(eq(provisioningSteps.jobId, job!.id), eq(provisioningSteps.name, "topic")));
    expect(topicStep?.attempts).toBe(1);
  });

  it("fails after the last attempt", async () => {
    const application = await createApplication(setup.teamId, "producer", "doomed-app");
    const { requestId } = await propose(application.id);
    const db = await getDb();

    fault.mode = "transient";
    fault.failures = 1_000;
    fault.username = application.name;
    await approveAndProvision(setup.admin, requestId, "Go.");
    for (let round = 0; round < 80 && (await requestOutcome(requestId)).state !== "failed"; round += 1) {
      await sleep(100);
      await drainJobs();
    }
    fault.mode = null;

    const outcome = await requestOutcome(requestId);
    expect(outcome.state).toBe("failed");
    expect(outcome.failureReason).toContain("after 8 attempts");
    const [job] = await db.select().from(provisioningJobs).where(eq(provisioningJobs.requestId, requestId));
    expect(job?.state).toBe("failed");
    // Work already done is kept and recorded, so a retry resumes instead of starting over.
    const acls = await using(adminKafka().admin(), (client) => describeAclsOf(client, `User:${application.name}`));
    expect(acls).toHaveLength(2);
    expect(await db.select().from(aclBindings).where(eq(aclBindings.principal, `User:${application.name}`))).toHaveLength(2);
  });
});
