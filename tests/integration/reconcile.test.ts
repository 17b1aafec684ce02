import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { topics } from "@/db/schema";
import { proposeTopic } from "@/lib/data/requests/propose-topic";
import { requestAccess } from "@/lib/data/requests/request-access";
import { closeDb, getDb } from "@/lib/db";
import type { AclBinding } from "@/lib/domain/acl-templates";
import { describeDrift, type DriftItem } from "@/lib/domain/drift";
import { createMissingAcls, deleteAcls, describeAclsOf } from "@/lib/kafka/acls";
import { getAdmin, resetAdmin } from "@/lib/kafka/client";
import { deleteScramUser, scramUserExists } from "@/lib/kafka/scram";
import { reconcile } from "@/lib/provisioning/reconcile";

import {
  adminKafka,
  approveAndProvision,
  createApplication,
  createTeamWithMember,
  domainId,
  uniqueSuffix,
  using,
} from "./fixtures";
import { recreateDatabase } from "../support/recreate-database";

// The reconciler compares a whole database with the whole cluster, so this file gets a database
// of its own; the other files' resources then show up as unmanaged, which this test checks too.
const database = vi.hoisted(() => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = "/onramp_test_reconcile";
  process.env.DATABASE_URL = url.toString();
  return url;
});

function kinds(items: DriftItem[]): string[] {
  return items.map((item) => item.kind);
}

describe("reconciler", () => {
  const suffix = uniqueSuffix();
  const topicA = `claims_status_${suffix}`;
  const topicB = `claims_contention_created_${suffix}`;
  const unmanagedTopic = `hand_made_${suffix}`;
  const outsider = `User:outsider-${suffix}`;
  let producerName = "";
  let consumerName = "";
  let extraAcl: AclBinding;
  let outsiderAcl: AclBinding;

  beforeAll(async () => {
    await recreateDatabase(database.toString());
    const admin = await (await createTeamWithMember("platform", "admin-one@example.org")).caller();
    const producers = await createTeamWithMember("reconcile-producers");
    const consumers = await createTeamWithMember("reconcile-consumers");
    const producer = await createApplication(producers.teamId, "producer", "drift-producer");
    const consumer = await createApplication(consumers.teamId, "consumer", "drift-consumer");
    producerName = producer.name;
    consumerName = consumer.name;
    const claims = await domainId("claims");
    const producerCaller = await producers.caller();

    for (const name of [topicA, topicB]) {
      const { requestId } = await proposeTopic(producerCaller, {
        domainId: claims,
        name,
        description: "A claim changed its status in the benefits system.",
        partitions: 3,
        retentionDays: 7,
        classification: "none",
        producerApplicationId: producer.id,
      });
      expect((await approveAndProvision(admin, requestId)).state).toBe("provisioned");
    }
    const { requestId } = await requestAccess(await consumers.caller(), {
      topicName: topicA,
      applicationId: consumer.id,
      justification: "Notify veterans of status changes.",
    });
    expect((await approveAndProvision(admin, requestId, "Approved.", producerCaller)).state).toBe("provisioned");

    extraAcl = {
      principal: `User:${consumerName}`,
      resourceType: "TOPIC",
      resourceName: topicB,
      patternType: "LITERAL",
      operation: "READ",
      permission: "ALLOW",
      host: "*",
    };
    outsiderAcl = { ...extraAcl, principal: outsider };
  });

  afterAll(async () => {
    const kafkaAdmin = await getAdmin();
    await deleteAcls(kafkaAdmin, [outsiderAcl]);
    await kafkaAdmin.deleteTopics({ topics: [topicA, topicB, unmanagedTopic] });
    await resetAdmin();
    await closeDb();
  });

  it("finds no managed drift after provisioning", async () => {
    const { items } = await reconcile({ dryRun: true, actorId: null });

    const managed = items.filter((item) => item.kind !== "unmanaged_topic" && item.kind !== "unmanaged_principal");
    expect(managed).toEqual([]);
  });

  it("detects each kind of drift", async () => {
    const kafkaAdmin = await getAdmin();
    const producerAcls = await describeAclsOf(kafkaAdmin, `User:${producerName}`);
    const writeOnA = producerAcls.find((acl) => acl.resourceName === topicA && acl.operation === "WRITE")!;
    await deleteAcls(kafkaAdmin, [writeOnA]);
    await createMissingAcls(kafkaAdmin, [extraAcl, outsiderAcl]);
    await kafkaAdmin.deleteTopics({ topics: [topicB] });
    await kafkaAdmin.createTopics({ topics: [{ topic: unmanagedTopic, numPartitions: 1 }], waitForLeaders: true });
    await kafkaAdmin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: 2,
          name: topicA,
          configEntries: [
            { name: "retention.ms", value: "3600000" },
            // A setting Onramp does not manage, which repairs must keep.
            { name: "cleanup.policy", value: "compact" },
          ],
        },
      ],
    });
    await deleteScramUser(consumerName);
    const db = await getDb();
    await db.update(topics).set({ partitions: 5 }).where(eq(topics.name, topicA));

    const { items, applied } = await reconcile({ dryRun: true, actorId: null });

    expect(applied).toEqual([]);
    expect(items).toContainEqual({ kind: "missing_acl", binding: writeOnA });
    expect(items).toContainEqual({ kind: "extra_acl", binding: extraAcl });
    expect(items.find((item) => item.kind === "missing_topic")).toMatchObject({ topic: { name: topicB } });
    expect(items).toContainEqual({ kind: "config_differs", topic: topicA, config: "retention.ms", expected: "604800000", found: "3600000" });
    expect(items).toContainEqual({ kind: "partitions_differ", topic: topicA, expected: 5, found: 3 });
    expect(items).toContainEqual({ kind: "missing_user", username: consumerName });
    expect(items).toContainEqual({ kind: "unmanaged_topic", topic: unmanagedTopic });
    expect(items).toContainEqual({ kind: "unmanaged_principal", principal: outsider, acls: 1 });
  });

  it("changes nothing in a dry run", async () => {
    const kafkaAdmin = await getAdmin();
    expect(await kafkaAdmin.listTopics()).not.toContain(topicB);
    expect(await scramUserExists(consumerName)).toBe(false);
    expect(await describeAclsOf(kafkaAdmin, `User:${consumerName}`)).toContainEqual(extraAcl);
  });

  it("repairs only the items chosen", async () => {
    const chosen = describeDrift({ kind: "missing_user", username: consumerName });

    const { applied } = await reconcile({ dryRun: false, actorId: null, only: new Set([chosen]) });

    expect(applied.map((entry) => describeDrift(entry.item))).toEqual([chosen]);
    expect(await scramUserExists(consumerName)).toBe(true);
    expect(await (await getAdmin()).listTopics()).not.toContain(topicB);
  });

  it("repairs managed drift only", async () => {
    const { applied } = await reconcile({ dryRun: false, actorId: null });
    expect(applied.filter((entry) => entry.error)).toEqual([]);

    const after = await reconcile({ dryRun: true, actorId: null });
    const managedLeft = after.items.filter((item) => item.kind !== "unmanaged_topic" && item.kind !== "unmanaged_principal");
    expect(managedLeft).toEqual([]);

    const kafkaAdmin = await getAdmin();
    const metadata = await kafkaAdmin.fetchTopicMetadata({ topics: [topicA, topicB] });
    expect(metadata.topics.find((topic) => topic.name === topicA)?.partitions).toHaveLength(5);
    expect(metadata.topics.find((topic) => topic.name === topicB)?.partitions).toHaveLength(3);
    expect(await scramUserExists(consumerName)).toBe(true);
    expect(await describeAclsOf(kafkaAdmin, `User:${consumerName}`)).not.toContainEqual(extraAcl);
    expect(await kafkaAdmin.listTopics()).toContain(unmanagedTopic);
    expect(await describeAclsOf(kafkaAdmin, outsider)).toEqual([outsiderAcl]);
    expect(kinds(after.items)).toContain("unmanaged_topic");
    const configs = await kafkaAdmin.describeConfigs({
      resources: [{ type: 2, name: topicA, configNames: ["cleanup.policy", "retention.ms"] }],
      includeSynonyms: false,
    });
    const values = Object.fromEntries(configs.resources[0]!.configEntries.map((entry) => [entry.configName, entry.configValue]));
    expect(values).toEqual({ "cleanup.policy": "compact", "retention.ms": "604800000" });
  });

  it("reports partitions it cannot remove", async () => {
    const db = await getDb();
    await db.update(topics).set({ partitions: 2 }).where(eq(topics.name, topicB));

    const { items, applied } = await reconcile({ dryRun: false, actorId: null });

    expect(items).toContainEqual({ kind: "partitions_differ", topic: topicB, expected: 2, found: 3 });
    expect(applied.map((entry) => entry.item.kind)).not.toContain("partitions_differ");
    const metadata = await using(adminKafka().admin(), (client) => client.fetchTopicMetadata({ topics: [topicB] }));
    expect(metadata.topics[0]?.partitions).toHaveLength(3);
  });
});
