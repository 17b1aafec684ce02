import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { aclBindings, requests } from "@/db/schema";
import { proposeTopic } from "@/lib/data/requests/propose-topic";
import { reviewRequest } from "@/lib/data/requests/review-request";
import { closeDb, getDb } from "@/lib/db";
import { describeAclsOf } from "@/lib/kafka/acls";
import { resetAdmin } from "@/lib/kafka/client";
import { scramUserExists } from "@/lib/kafka/scram";

import { adminKafka, createApplication, createTeamWithMember, domainId, uniqueSuffix, using } from "./fixtures";

// Fault injection: the SCRAM step, which runs after the topic and ACL steps, fails once while
// this flag is set. Everything else talks to the real broker.
const fault = vi.hoisted(() => ({ failScram: false }));

vi.mock("@/lib/kafka/scram", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/kafka/scram")>();
  return {
    ...original,
    upsertScramUser: async (username: string, password: string) => {
      if (fault.failScram) throw new Error("injected failure: SCRAM request timed out");
      return original.upsertScramUser(username, password);
    },
  };
});

describe("provisioning rollback", () => {
  afterAll(async () => {
    await resetAdmin();
    await closeDb();
  });

  let setup: Awaited<ReturnType<typeof prepare>>;
  let failedRequestId = "";
  async function prepare() {
    const admin = await (await createTeamWithMember("platform", "admin-one@example.org")).caller();
    const producers = await createTeamWithMember("rollback");
    const application = await createApplication(producers.teamId, "producer", "rollback-app");
    return { admin, producer: await producers.caller(), application, claims: await domainId("claims") };
  }
  beforeAll(async () => {
    setup = await prepare();
  });

  it("removes this run's topic and ACLs", async () => {
    const name = `decision_letter_sent_${uniqueSuffix()}`;
    const { requestId } = await proposeTopic(setup.producer, {
      domainId: setup.claims,
      name,
      description: "A decision letter was sent to the claimant.",
      partitions: 2,
      retentionDays: 3,
      classification: "none",
      producerApplicationId: setup.application.id,
    });

    failedRequestId = requestId;
    fault.failScram = true;
    const outcome = await reviewRequest(setup.admin, { requestId, decision: "approve", comment: "Go." });
    fault.failScram = false;

    expect(outcome.state).toBe("failed");
    expect(outcome.failureReason).toContain("injected failure");
    const [topicsAfter, aclsAfter] = await using(adminKafka().admin(), async (client) => [
      await client.listTopics(),
      await describeAclsOf(client, `User:${setup.application.name}`),
    ] as const);
    expect(topicsAfter).not.toContain(name);
    expect(aclsAfter).toEqual([]);
    expect(await scramUserExists(setup.application.name)).toBe(false);
    const db = await getDb();
    expect(
      await db.select().from(aclBindings).where(eq(aclBindings.principal, `User:${setup.application.name}`)),
    ).toEqual([]);
  });

  it("provisions on retry after the fault", async () => {
    const { retryProvisioning } = await import("@/lib/data/requests/review-request");

    const outcome = await retryProvisioning(setup.admin, failedRequestId);

    expect(outcome.state).toBe("provisioned");
    const acls = await using(adminKafka().admin(), (client) =>
      describeAclsOf(client, `User:${setup.application.name}`),
    );
    expect(acls).toHaveLength(2);
    expect(await scramUserExists(setup.application.name)).toBe(true);
    const db = await getDb();
    const [request] = await db.select({ state: requests.state }).from(requests).where(eq(requests.id, failedRequestId));
    expect(request?.state).toBe("provisioned");
  });
});
