import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { aclBindings, auditEvents, credentials, grants, requests, topics } from "@/db/schema";
import type { Caller } from "@/lib/auth/caller";
import { revealCredential } from "@/lib/data/credentials/reveal-credential";
import { proposeTopic } from "@/lib/data/requests/propose-topic";
import { requestAccess } from "@/lib/data/requests/request-access";
import { closeDb, getDb } from "@/lib/db";
import { aclKey } from "@/lib/domain/acl-templates";
import { planConsumerAccess, planNewTopic } from "@/lib/domain/cluster-plan";
import { resetAdmin } from "@/lib/kafka/client";
import { describeAclsOf } from "@/lib/kafka/acls";

import {
  adminKafka,
  approveAndProvision,
  createApplication,
  createTeamWithMember,
  domainId,
  findCoordinatorErrorCode,
  GROUP_AUTHORIZATION_FAILED,
  kafkaAs,
  readEvents,
  uniqueSuffix,
  using,
} from "./fixtures";

const ENVIRONMENT = { name: "sandbox", replicationFactor: 1, minInsyncReplicas: 1, allowsSensitiveData: false };

describe("onboarding loop on the local broker", () => {
  let admin: Caller;
  let producerCaller: Caller;
  let consumerCaller: Caller;
  let producerApp: { id: string; name: string };
  let consumerApp: { id: string; name: string };
  const topic = `decision_letter_availability_${uniqueSuffix()}`;
  const otherTopic = `appointments_${uniqueSuffix()}`;
  let producerPassword = "";
  let consumerPassword = "";

  beforeAll(async () => {
    const platform = await createTeamWithMember("platform", "admin-one@example.org");
    const producers = await createTeamWithMember("benefits");
    const consumers = await createTeamWithMember("notifications");
    producerApp = await createApplication(producers.teamId, "producer", "benefits-platform");
    consumerApp = await createApplication(consumers.teamId, "consumer", "claims-notifier");
    admin = await platform.caller();
    producerCaller = await producers.caller();
    consumerCaller = await consumers.caller();
    await using(adminKafka().admin(), (client) =>
      client.createTopics({ topics: [{ topic: otherTopic, numPartitions: 1 }], waitForLeaders: true }),
    );
  });

  afterAll(async () => {
    await using(adminKafka().admin(), (client) => client.deleteTopics({ topics: [topic, otherTopic] }));
    await resetAdmin();
    await closeDb();
  });

  it("provisions an approved topic proposal", async () => {
    const { requestId } = await proposeTopic(producerCaller, {
      domainId: await domainId("claims"),
      name: topic,
      description: "A decision letter became available to the claimant.",
      partitions: 3,
      retentionDays: 10,
      classification: "none",
      producerApplicationId: producerApp.id,
    });

    const outcome = await approveAndProvision(admin, requestId, "Looks right.");
    expect(outcome).toEqual({ state: "provisioned", failureReason: null });

    const metadata = await using(adminKafka().admin(), (client) => client.fetchTopicMetadata({ topics: [topic] }));
    expect(metadata.topics[0]?.partitions).toHaveLength(3);

    const db = await getDb();
    const [row] = await db.select().from(topics).where(eq(topics.name, topic));
    expect(row?.retentionDays).toBe(10);
    const [request] = await db.select().from(requests).where(eq(requests.id, requestId));
    expect(request?.state).toBe("provisioned");
  });

  it("records exactly the ACLs found on the cluster", async () => {
    const expected = planNewTopic({
      topic: { name: topic, partitions: 3, retentionDays: 10 },
      producerApplication: producerApp.name,
      transactional: false,
      environment: ENVIRONMENT,
    }).acls;
    const onCluster = await using(adminKafka().admin(), (client) =>
      describeAclsOf(client, `User:${producerApp.name}`),
    );
    expect(onCluster.map(aclKey).sort()).toEqual(expected.map(aclKey).sort());

    const db = await getDb();
    const recorded = await db
      .select({ principal: aclBindings.principal })
      .from(aclBindings)
      .where(eq(aclBindings.principal, `User:${producerApp.name}`));
    expect(recorded).toHaveLength(expected.length);
  });

  it("lets the producer write with its revealed credential", async () => {
    const credential = await revealCredential(producerCaller, producerApp.id);
    expect(credential.username).toBe(producerApp.name);
    expect(credential.mechanism).toBe("SCRAM-SHA-512");
    expect(credential.consumerGroupPrefix).toBe(`${producerApp.name}.`);
    producerPassword = credential.password;

    const producer = kafkaAs(producerApp.name, producerPassword).producer();
    await using(producer, (client) =>
      client.send({
        topic,
        messages: [
          { key: "600123456", value: JSON.stringify({ ClaimId: 600123456, ClaimLifecycleStatus: "Complete" }) },
          { key: "600123457", value: JSON.stringify({ ClaimId: 600123457, ClaimLifecycleStatus: "Complete" }) },
        ],
      }),
    );
  });

  it("shows a password only once", async () => {
    await expect(revealCredential(producerCaller, producerApp.id)).rejects.toThrow(/already shown/);
  });

  it("does not store the password anywhere", async () => {
    const db = await getDb();
    const rows = await db.select().from(credentials).where(eq(credentials.applicationId, producerApp.id));
    expect(JSON.stringify(rows)).not.toContain(producerPassword);
    const audit = await db.select().from(auditEvents);
    expect(JSON.stringify(audit)).not.toContain(producerPassword);
  });

  it("keeps other teams from revealing a credential", async () => {
    await expect(revealCredential(consumerCaller, producerApp.id)).rejects.toThrow(/not a member/);
  });

  it("gives an approved consumer read access under its prefix", async () => {
    const { requestId } = await requestAccess(consumerCaller, {
      topicName: topic,
      applicationId: consumerApp.id,
      justification: "Send decision letter emails to veterans.",
    });
    const outcome = await approveAndProvision(admin, requestId, "Approved for email.", producerCaller);
    expect(outcome.state).toBe("provisioned");

    const credential = await revealCredential(consumerCaller, consumerApp.id);
    consumerPassword = credential.password;
    const events = await readEvents(kafkaAs(consumerApp.name, consumerPassword), {
      topic,
      groupId: `${credential.consumerGroupPrefix}letters`,
      count: 2,
    });
    expect(events).toHaveLength(2);
    expect(JSON.parse(events[0]!).ClaimLifecycleStatus).toBe("Complete");

    const expected = planConsumerAccess({ topic, consumerApplication: consumerApp.name }).acls;
    const onCluster = await using(adminKafka().admin(), (client) =>
      describeAclsOf(client, `User:${consumerApp.name}`),
    );
    expect(onCluster.map(aclKey).sort()).toEqual(expected.map(aclKey).sort());
  });

  it("refuses the consumer writing to the topic", async () => {
    const producer = kafkaAs(consumerApp.name, consumerPassword).producer({ retry: { retries: 0 } });
    await expect(
      using(producer, (client) => client.send({ topic, messages: [{ value: "forged" }] })),
    ).rejects.toThrow(/authoriz/i);
  });

  it("refuses the consumer reading another topic", async () => {
    await expect(
      readEvents(kafkaAs(consumerApp.name, consumerPassword), {
        topic: otherTopic,
        groupId: `${consumerApp.name}.other`,
        count: 1,
        timeoutMs: 20_000,
      }),
    ).rejects.toThrow(/authoriz/i);
  });

  it("refuses a group id outside the prefix", async () => {
    expect(await findCoordinatorErrorCode(consumerApp.name, consumerPassword, `${consumerApp.name}.letters`)).toBe(0);
    expect(await findCoordinatorErrorCode(consumerApp.name, consumerPassword, "letters-without-prefix")).toBe(
      GROUP_AUTHORIZATION_FAILED,
    );
    // kafkajs reports the same refusal as a missing coordinator.
    await expect(
      readEvents(kafkaAs(consumerApp.name, consumerPassword), {
        topic,
        groupId: "letters-without-prefix",
        count: 1,
        timeoutMs: 20_000,
      }),
    ).rejects.toThrow(/authoriz|group coordinator/i);
  });

  it("refuses a wrong password", async () => {
    const client = kafkaAs(consumerApp.name, `${consumerPassword}x`).admin();
    await expect(client.connect()).rejects.toThrow(/authentication failed/i);
    await client.disconnect();
  });

  it("records one grant per approval", async () => {
    const db = await getDb();
    const rows = await db
      .select({ role: grants.role })
      .from(grants)
      .innerJoin(topics, eq(topics.id, grants.topicId))
      .where(and(eq(topics.name, topic)));
    expect(rows.map((row) => row.role).sort()).toEqual(["consumer", "producer"]);
  });
});
