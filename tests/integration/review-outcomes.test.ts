import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { aclBindings, auditEvents, credentials, grants, provisioningJobs, requests, topics } from "@/db/schema";
import type { Caller } from "@/lib/auth/caller";
import { getProvisioningProgress } from "@/lib/data/requests/get-provisioning-progress";
import { proposeTopic } from "@/lib/data/requests/propose-topic";
import { reviewRequest } from "@/lib/data/requests/review-request";
import { closeDb, getDb } from "@/lib/db";
import { resetAdmin } from "@/lib/kafka/client";
import { describeAclsOf } from "@/lib/kafka/acls";
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

async function topicExists(name: string): Promise<boolean> {
  return using(adminKafka().admin(), async (client) => (await client.listTopics()).includes(name));
}

async function aclsOf(application: string) {
  return using(adminKafka().admin(), (client) => describeAclsOf(client, `User:${application}`));
}

describe("review outcomes", () => {
  let admin: Caller;
  let secondAdmin: Caller;
  let producerCaller: Caller;
  let producerTeamId: string;
  let claims: string;
  const handMadeTopics: string[] = [];

  beforeAll(async () => {
    admin = await (await createTeamWithMember("platform", "admin-one@example.org")).caller();
    secondAdmin = await (await createTeamWithMember("platform", "admin-two@example.org")).caller();
    const producers = await createTeamWithMember("producers");
    producerTeamId = producers.teamId;
    producerCaller = await producers.caller();
    claims = await domainId("claims");
  });

  afterAll(async () => {
    if (handMadeTopics.length) {
      await using(adminKafka().admin(), (client) => client.deleteTopics({ topics: handMadeTopics }));
    }
    await resetAdmin();
    await closeDb();
  });

  async function propose(name: string, applicationId: string, partitions = 3) {
    return proposeTopic(producerCaller, {
      domainId: claims,
      name,
      description: "A claim contention was created by a rater.",
      partitions,
      retentionDays: 7,
      classification: "none",
      producerApplicationId: applicationId,
    });
  }

  it("rejection changes nothing on the cluster", async () => {
    const application = await createApplication(producerTeamId, "producer", "rejected-app");
    const name = `claims_contention_created_${uniqueSuffix()}`;
    const { requestId } = await propose(name, application.id);

    const outcome = await reviewRequest(admin, { requestId, decision: "reject", comment: "Not a business event." });

    expect(outcome.state).toBe("rejected");
    expect(await topicExists(name)).toBe(false);
    expect(await aclsOf(application.name)).toEqual([]);
    expect(await scramUserExists(application.name)).toBe(false);
    const db = await getDb();
    const [request] = await db.select().from(requests).where(eq(requests.id, requestId));
    expect(request?.reviewComment).toBe("Not a business event.");
    expect(await db.select().from(topics).where(eq(topics.name, name))).toEqual([]);
  });

  it("fails on a topic with other settings", async () => {
    const application = await createApplication(producerTeamId, "producer", "clashing-app");
    const name = `prescription_refill_${uniqueSuffix()}`;
    handMadeTopics.push(name);
    await using(adminKafka().admin(), (client) =>
      client.createTopics({ topics: [{ topic: name, numPartitions: 5 }], waitForLeaders: true }),
    );
    const { requestId } = await propose(name, application.id, 3);

    const outcome = await approveAndProvision(admin, requestId, "Fine.");

    expect(outcome.state).toBe("failed");
    expect(outcome.failureReason).toContain("partitions: found 5, expected 3");
    const metadata = await using(adminKafka().admin(), (client) => client.fetchTopicMetadata({ topics: [name] }));
    expect(metadata.topics[0]?.partitions).toHaveLength(5);
    expect(await aclsOf(application.name)).toEqual([]);
    expect(await scramUserExists(application.name)).toBe(false);

    const db = await getDb();
    const [request] = await db.select().from(requests).where(eq(requests.id, requestId));
    expect(request?.state).toBe("failed");
    expect(request?.failureReason).toContain("already exists on the cluster with other settings");
    expect(await db.select().from(grants).where(eq(grants.requestId, requestId))).toEqual([]);
    expect(
      await db.select().from(aclBindings).where(eq(aclBindings.principal, `User:${application.name}`)),
    ).toEqual([]);
    expect(await db.select().from(credentials).where(eq(credentials.applicationId, application.id))).toEqual([]);
  });

  it("accepts a matching hand-made topic", async () => {
    const application = await createApplication(producerTeamId, "producer", "matching-app");
    const name = `appointments_${uniqueSuffix()}`;
    handMadeTopics.push(name);
    await using(adminKafka().admin(), (client) =>
      client.createTopics({
        topics: [
          {
            topic: name,
            numPartitions: 3,
            configEntries: [
              { name: "retention.ms", value: String(7 * 86_400_000) },
              { name: "min.insync.replicas", value: "1" },
            ],
          },
        ],
        waitForLeaders: true,
      }),
    );
    const { requestId } = await propose(name, application.id, 3);

    const outcome = await approveAndProvision(admin, requestId, "Adopting it.");

    expect(outcome).toEqual({ state: "provisioned", failureReason: null });
    const progress = await getProvisioningProgress(requestId);
    expect(progress?.steps.find((step) => step.name === "topic")?.note).toContain("already existed");
    const db = await getDb();
    const adopted = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.requestId, requestId), eq(auditEvents.action, "topic.adopted")));
    expect(adopted).toHaveLength(1);
  });

  it("fails when the Kafka user exists unmanaged", async () => {
    const application = await createApplication(producerTeamId, "producer", "taken-user");
    const { upsertScramUser, deleteScramUser } = await import("@/lib/kafka/scram");
    await upsertScramUser(application.name, "someone-elses-password");
    const name = `vba_dependant_update_${uniqueSuffix()}`;
    const { requestId } = await propose(name, application.id);

    const outcome = await approveAndProvision(admin, requestId, "Fine.");

    expect(outcome.state).toBe("failed");
    expect(outcome.failureReason).toContain("was not created by Onramp");
    expect(await topicExists(name)).toBe(false);
    expect(await aclsOf(application.name)).toEqual([]);
    await deleteScramUser(application.name);
  });

  it("approves once when two administrators click together", async () => {
    const application = await createApplication(producerTeamId, "producer", "raced-app");
    const { requestId } = await propose(`claims_status_${uniqueSuffix()}`, application.id);

    const results = await Promise.allSettled([
      reviewRequest(admin, { requestId, decision: "approve", comment: "First." }),
      reviewRequest(secondAdmin, { requestId, decision: "approve", comment: "Second." }),
    ]);

    const fulfilled = results.filter((result) => result.status === "fulfilled");
    const rejected = results.filter((result) => result.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(String((rejected[0] as PromiseRejectedResult).reason)).toContain("already reviewed");

    const db = await getDb();
    const approvals = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(and(eq(auditEvents.requestId, requestId), eq(auditEvents.action, "request.approved")));
    expect(approvals[0]?.count).toBe(1);
    expect(await db.select().from(provisioningJobs).where(eq(provisioningJobs.requestId, requestId))).toHaveLength(1);
    expect(await db.select().from(grants).where(eq(grants.requestId, requestId))).toHaveLength(1);
    await drainJobs();
    expect((await requestOutcome(requestId)).state).toBe("provisioned");
  });

  it("keeps administrators off their own team's requests", async () => {
    const platform = await createTeamWithMember("platform-producers", "admin-two@example.org");
    const application = await createApplication(platform.teamId, "producer", "platform-app");
    const adminInTeam = await platform.caller();
    const { requestId } = await proposeTopic(adminInTeam, {
      domainId: claims,
      name: `interaction_logged_${uniqueSuffix()}`,
      description: "A contact with a veteran was logged.",
      partitions: 1,
      retentionDays: 1,
      classification: "none",
      producerApplicationId: application.id,
    });

    await expect(reviewRequest(adminInTeam, { requestId, decision: "approve", comment: "Mine." })).rejects.toThrow(
      /own team/,
    );
    const db = await getDb();
    const [request] = await db.select().from(requests).where(eq(requests.id, requestId));
    expect(request?.state).toBe("submitted");
  });

  it("keeps non-administrators from reviewing", async () => {
    const application = await createApplication(producerTeamId, "producer", "self-review");
    const { requestId } = await propose(`claims_updated_${uniqueSuffix()}`, application.id);
    const outsider = await (await createTeamWithMember("outsiders")).caller();

    await expect(reviewRequest(outsider, { requestId, decision: "approve", comment: "Sure." })).rejects.toThrow(
      /platform administrators can see this request/,
    );
  });
});
