import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { notifications, requests } from "@/db/schema";
import type { Caller } from "@/lib/auth/caller";
import { revealCredential } from "@/lib/data/credentials/reveal-credential";
import { revokeGrant } from "@/lib/data/grants/revoke-grant";
import { addComment } from "@/lib/data/requests/add-comment";
import { cancelRequest } from "@/lib/data/requests/cancel-request";
import { getRequestDetail } from "@/lib/data/requests/get-request-detail";
import { proposeTopic } from "@/lib/data/requests/propose-topic";
import { requestAccess } from "@/lib/data/requests/request-access";
import { reviewRequest } from "@/lib/data/requests/review-request";
import { reviseRequest } from "@/lib/data/requests/revise-request";
import { closeDb, getDb } from "@/lib/db";
import { aclKey } from "@/lib/domain/acl-templates";
import { describeAclsOf } from "@/lib/kafka/acls";
import { resetAdmin } from "@/lib/kafka/client";
import { drainJobs } from "@/lib/provisioning/worker";

import {
  adminKafka,
  approveAndProvision,
  createApplication,
  createTeamWithMember,
  domainId,
  kafkaAs,
  readEvents,
  requestOutcome,
  uniqueSuffix,
  using,
} from "./fixtures";

async function notificationsOf(caller: Caller, requestId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ message: notifications.message })
    .from(notifications)
    .where(and(eq(notifications.userId, caller.userId), eq(notifications.requestId, requestId)));
  return rows.map((row) => row.message);
}

describe("review workflow", () => {
  let admin: Caller;
  let producer: Caller;
  let consumer: Caller;
  let producerTeamId: string;
  let consumerTeamId: string;
  let producerApp: { id: string; name: string };
  let claims: string;
  const topic = `claims_status_${uniqueSuffix()}`;

  beforeAll(async () => {
    admin = await (await createTeamWithMember("platform", "admin-one@example.org")).caller();
    const producers = await createTeamWithMember("owners");
    const consumers = await createTeamWithMember("readers");
    producerTeamId = producers.teamId;
    consumerTeamId = consumers.teamId;
    producer = await producers.caller();
    consumer = await consumers.caller();
    producerApp = await createApplication(producerTeamId, "producer", "status-publisher");
    claims = await domainId("claims");

    const { requestId } = await proposeTopic(producer, {
      domainId: claims,
      name: topic,
      description: "A claim moved to another lifecycle status.",
      partitions: 2,
      retentionDays: 7,
      classification: "none",
      producerApplicationId: producerApp.id,
    });
    expect((await approveAndProvision(admin, requestId)).state).toBe("provisioned");
  });

  afterAll(async () => {
    await using(adminKafka().admin(), (client) => client.deleteTopics({ topics: [topic] }));
    await resetAdmin();
    await closeDb();
  });

  it("routes access through owner then administrator", async () => {
    const consumerApp = await createApplication(consumerTeamId, "consumer", "status-reader");
    const { requestId } = await requestAccess(consumer, {
      topicName: topic,
      applicationId: consumerApp.id,
      justification: "Tell veterans when their claim status changes.",
    });

    const waiting = await getRequestDetail(producer, requestId);
    expect(waiting?.reviewStep).toBe("owner");
    expect(waiting?.reviewSteps).toEqual(["owner", "platform"]);
    expect(await notificationsOf(producer, requestId)).toHaveLength(1);
    await expect(reviewRequest(admin, { requestId, decision: "approve", comment: "Too early." })).rejects.toThrow(
      /owning team to review it first/,
    );

    const afterOwner = await reviewRequest(producer, { requestId, decision: "approve", comment: "Fine by the owners." });
    expect(afterOwner).toEqual({ state: "submitted", reviewStep: "platform" });
    expect(await notificationsOf(admin, requestId)).toHaveLength(1);
    expect((await notificationsOf(consumer, requestId)).join(" ")).toContain("approved by the topic's owning team");

    const final = await reviewRequest(admin, { requestId, decision: "approve", comment: "Approved." });
    expect(final).toEqual({ state: "approved", reviewStep: null });
    await drainJobs();
    expect((await requestOutcome(requestId)).state).toBe("provisioned");

    const detail = await getRequestDetail(consumer, requestId);
    expect(detail?.comments.map((comment) => [comment.kind, comment.step])).toEqual([
      ["submitted", null],
      ["approved", "owner"],
      ["approved", "platform"],
    ]);
  });

  it("matches the ACL preview on the cluster", async () => {
    const consumerApp = await createApplication(consumerTeamId, "consumer", "preview-reader");
    const { requestId } = await requestAccess(consumer, {
      topicName: topic,
      applicationId: consumerApp.id,
      justification: "Compare the preview with the cluster.",
    });
    const preview = (await getRequestDetail(admin, requestId))!.plan.acls;

    await approveAndProvision(admin, requestId, "Approved.", producer);

    const onCluster = await using(adminKafka().admin(), (client) => describeAclsOf(client, `User:${consumerApp.name}`));
    expect(onCluster.map(aclKey).sort()).toEqual(preview.map(aclKey).sort());
  });

  it("keeps a team off its own request's admin step", async () => {
    const adminProducers = await createTeamWithMember("admin-producers", "admin-two@example.org");
    const app = await createApplication(adminProducers.teamId, "producer", "admin-team-app");
    const adminInTeam = await adminProducers.caller();
    const { requestId } = await proposeTopic(adminInTeam, {
      domainId: claims,
      name: `interaction_logged_${uniqueSuffix()}`,
      description: "A contact with a veteran was logged.",
      partitions: 1,
      retentionDays: 1,
      classification: "none",
      producerApplicationId: app.id,
    });

    await expect(reviewRequest(adminInTeam, { requestId, decision: "approve", comment: "Mine." })).rejects.toThrow(/own team/);
    expect((await requestOutcome(requestId)).state).toBe("submitted");
    expect(await reviewRequest(admin, { requestId, decision: "reject", comment: "Not needed." })).toEqual({
      state: "rejected",
      reviewStep: null,
    });
  });

  it("shows the diff after changes are requested", async () => {
    const name = `claims_contention_created_${uniqueSuffix()}`;
    const { requestId } = await proposeTopic(producer, {
      domainId: claims,
      name,
      description: "A contention was added.",
      partitions: 3,
      retentionDays: 7,
      classification: "none",
      producerApplicationId: producerApp.id,
    });
    await reviewRequest(admin, { requestId, decision: "request_changes", comment: "Use 6 partitions and describe the key." });
    expect((await requestOutcome(requestId)).state).toBe("changes_requested");
    expect((await notificationsOf(producer, requestId)).join(" ")).toContain("needs changes");

    await reviseRequest(producer, {
      kind: "new_topic",
      requestId,
      domainId: claims,
      name,
      description: "A contention was added to a claim; keyed by claim id.",
      partitions: 6,
      retentionDays: 7,
      classification: "none",
      note: "Done as asked.",
    });

    const detail = await getRequestDetail(admin, requestId);
    expect(detail?.state).toBe("submitted");
    expect(detail?.version).toBe(2);
    expect(detail?.lastChanges).toEqual([
      { field: "description", before: "A contention was added.", after: "A contention was added to a claim; keyed by claim id." },
      { field: "partitions", before: 3, after: 6 },
    ]);
    expect(detail?.comments.map((comment) => comment.kind)).toEqual(["submitted", "changes_requested", "resubmitted"]);
    expect(detail?.plan.topic?.partitions).toBe(6);
  });

  it("refuses edits outside changes requested", async () => {
    const name = `claims_closed_${uniqueSuffix()}`;
    const { requestId } = await proposeTopic(producer, {
      domainId: claims,
      name,
      description: "A claim was closed.",
      partitions: 3,
      retentionDays: 7,
      classification: "none",
      producerApplicationId: producerApp.id,
    });

    await expect(
      reviseRequest(producer, { kind: "new_topic", requestId, domainId: claims, name, description: "Edited.", partitions: 3, retentionDays: 7, classification: "none", note: "" }),
    ).rejects.toThrow(/cannot be edited/);
    await expect(
      reviseRequest(consumer, { kind: "new_topic", requestId, domainId: claims, name, description: "Edited.", partitions: 3, retentionDays: 7, classification: "none", note: "" }),
    ).rejects.toThrow(/not a member/);
  });

  it("lets the requester cancel before approval", async () => {
    const name = `claims_reopened_${uniqueSuffix()}`;
    const { requestId } = await proposeTopic(producer, {
      domainId: claims,
      name,
      description: "A claim was reopened.",
      partitions: 3,
      retentionDays: 7,
      classification: "none",
      producerApplicationId: producerApp.id,
    });
    await addComment(admin, { requestId, body: "Is this a business event?" });
    expect((await notificationsOf(producer, requestId)).join(" ")).toContain("New comment");

    await cancelRequest(producer, { requestId, reason: "Not needed after all." });

    expect((await requestOutcome(requestId)).state).toBe("cancelled");
    await expect(reviewRequest(admin, { requestId, decision: "approve", comment: "Late." })).rejects.toThrow(/not waiting/);
    await expect(cancelRequest(producer, { requestId, reason: "" })).rejects.toThrow(/can no longer be cancelled/);
  });

  it("saves drafts without notifying reviewers", async () => {
    const { requestId } = await proposeTopic(producer, {
      domainId: claims,
      name: `claims_draft_${uniqueSuffix()}`,
      description: "A draft proposal.",
      partitions: 3,
      retentionDays: 7,
      classification: "none",
      producerApplicationId: producerApp.id,
      intent: "draft",
    });
    const db = await getDb();
    const [row] = await db.select({ state: requests.state, reviewStep: requests.reviewStep }).from(requests).where(eq(requests.id, requestId));
    expect(row).toEqual({ state: "draft", reviewStep: null });
    expect(await notificationsOf(admin, requestId)).toEqual([]);
  });

  it("cuts off a revoked consumer at the broker", async () => {
    const consumerApp = await createApplication(consumerTeamId, "consumer", "revoked-reader");
    const { requestId } = await requestAccess(consumer, {
      topicName: topic,
      applicationId: consumerApp.id,
      justification: "Read claim statuses until revoked.",
    });
    await approveAndProvision(admin, requestId, "Approved.", producer);
    const credential = await revealCredential(consumer, consumerApp.id);
    const producerCredential = await revealCredential(producer, producerApp.id);
    await using(kafkaAs(producerCredential.username, producerCredential.password).producer(), (client) =>
      client.send({ topic, messages: [{ value: JSON.stringify({ ClaimId: 600123999 }) }] }),
    );
    const before = await readEvents(kafkaAs(credential.username, credential.password), {
      topic,
      groupId: `${credential.consumerGroupPrefix}before`,
      count: 1,
    });
    expect(before).toHaveLength(1);

    const detail = await getRequestDetail(consumer, requestId);
    const db = await getDb();
    const { grants } = await import("@/db/schema");
    const [grant] = await db.select({ id: grants.id }).from(grants).where(eq(grants.requestId, requestId));
    await expect(revokeGrant(consumer, { grantId: grant!.id, reason: "Self-revoke attempt." })).rejects.toThrow(/owning team/);
    const { requestId: revocationId } = await revokeGrant(producer, { grantId: grant!.id, reason: "Data sharing agreement ended." });
    await drainJobs();

    expect((await requestOutcome(revocationId)).state).toBe("provisioned");
    expect(detail?.plan.acls).toHaveLength(3);
    const revocation = await getRequestDetail(producer, revocationId);
    expect(revocation?.plan.aclsToRemove.map(aclKey).sort()).toEqual(detail!.plan.acls.map(aclKey).sort());
    expect(await using(adminKafka().admin(), (client) => describeAclsOf(client, `User:${consumerApp.name}`))).toEqual([]);
    await expect(
      readEvents(kafkaAs(credential.username, credential.password), {
        topic,
        groupId: `${credential.consumerGroupPrefix}after`,
        count: 1,
        timeoutMs: 20_000,
      }),
    ).rejects.toThrow(/authoriz|group coordinator/i);
    const told = (await notificationsOf(consumer, revocationId)).join(" ");
    expect(told).toContain("revoked");
    expect(told).not.toContain("live");
  });
});
