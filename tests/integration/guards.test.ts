import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { provisioningJobs, teamMembers, users } from "@/db/schema";
import type { Caller } from "@/lib/auth/caller";
import { registerApplication } from "@/lib/data/applications/register-application";
import { revealCredential } from "@/lib/data/credentials/reveal-credential";
import { getRequestDetail } from "@/lib/data/requests/get-request-detail";
import { proposeTopic } from "@/lib/data/requests/propose-topic";
import { requestAccess } from "@/lib/data/requests/request-access";
import { reviewRequest } from "@/lib/data/requests/review-request";
import { addTeamMember } from "@/lib/data/teams/add-team-member";
import { removeTeamMember } from "@/lib/data/teams/remove-team-member";
import { closeDb, getDb } from "@/lib/db";
import { resetAdmin } from "@/lib/kafka/client";
import { scramUserExists } from "@/lib/kafka/scram";
import { drainJobs } from "@/lib/provisioning/worker";

import { approveAndProvision, createApplication, createTeamWithMember, domainId, requestOutcome, uniqueSuffix } from "./fixtures";

describe("guards found by trying to break the portal", () => {
  let admin: Caller;
  let owners: Awaited<ReturnType<typeof createTeamWithMember>>;
  let owner: Caller;
  let readers: Awaited<ReturnType<typeof createTeamWithMember>>;
  let reader: Caller;
  let claims: string;
  let topic: string;

  beforeAll(async () => {
    admin = await (await createTeamWithMember("platform", "admin-one@example.org")).caller();
    owners = await createTeamWithMember("guard-owners");
    readers = await createTeamWithMember("guard-readers");
    owner = await owners.caller();
    reader = await readers.caller();
    claims = await domainId("claims");
    const producer = await createApplication(owners.teamId, "producer", "guard-publisher");
    topic = `claims_status_${uniqueSuffix()}`;
    const { requestId } = await proposeTopic(owner, {
      domainId: claims,
      name: topic,
      description: "A claim changed status.",
      partitions: 1,
      retentionDays: 1,
      classification: "none",
      producerApplicationId: producer.id,
    });
    expect((await approveAndProvision(admin, requestId)).state).toBe("provisioned");
  });

  afterAll(async () => {
    await resetAdmin();
    await closeDb();
  });

  it.each(["admin", "anonymous", "kafka"])("rejects the reserved application name %s", async (name) => {
    await expect(
      registerApplication(reader, { teamId: readers.teamId, name, kind: "consumer", description: "Takes over a user.", transactional: false }),
    ).rejects.toThrow(/reserved for the cluster's operators/);
  });

  it("refuses a reveal before provisioning", async () => {
    const app = await createApplication(readers.teamId, "consumer", "early-reader");
    const { requestId } = await requestAccess(reader, { topicName: topic, applicationId: app.id, justification: "Reads claim statuses." });
    await reviewRequest(owner, { requestId, decision: "approve", comment: "Owner approves." });
    await reviewRequest(admin, { requestId, decision: "approve", comment: "Admin approves." });

    await expect(revealCredential(reader, app.id)).rejects.toThrow(/still being provisioned/);

    await drainJobs();
    const credential = await revealCredential(reader, app.id);
    expect(credential.username).toBe(app.name);
    expect(await scramUserExists(app.name)).toBe(true);
  });

  it("lets one person approve only one step", async () => {
    // An administrator who joins the owning team could otherwise approve both steps alone.
    const adminUser = await (await getDb()).select({ id: users.id }).from(users).where(eq(users.email, "admin-one@example.org"));
    await (await getDb()).insert(teamMembers).values({ teamId: owners.teamId, userId: adminUser[0]!.id, role: "member" });
    const adminInOwners = await (await createTeamWithMember("platform", "admin-one@example.org")).caller();
    const app = await createApplication(readers.teamId, "consumer", "double-approved");
    const { requestId } = await requestAccess(reader, { topicName: topic, applicationId: app.id, justification: "Reads claim statuses." });

    await reviewRequest(adminInOwners, { requestId, decision: "approve", comment: "As the owning team." });
    await expect(reviewRequest(adminInOwners, { requestId, decision: "approve", comment: "As administrator." })).rejects.toThrow(
      /already approved an earlier step/,
    );
    const secondAdmin = await (await createTeamWithMember("platform", "admin-two@example.org")).caller();
    expect((await reviewRequest(secondAdmin, { requestId, decision: "approve", comment: "Second person." })).state).toBe("approved");
    // Leaves no queued job behind for the next test file's workers.
    await drainJobs();
    await (await getDb())
      .delete(teamMembers)
      .where(and(eq(teamMembers.teamId, owners.teamId), eq(teamMembers.userId, adminUser[0]!.id)));
  });

  it("shares a new user between two jobs", async () => {
    // Two access requests of one new application: the job approved second creates the user,
    // and the first, which wrote the credential record, must still accept it as Onramp's.
    const otherTopic = `claims_closed_${uniqueSuffix()}`;
    const producer = await createApplication(owners.teamId, "producer", "second-publisher");
    const proposal = await proposeTopic(owner, {
      domainId: claims,
      name: otherTopic,
      description: "A claim was closed.",
      partitions: 1,
      retentionDays: 1,
      classification: "none",
      producerApplicationId: producer.id,
    });
    await approveAndProvision(admin, proposal.requestId);
    const app = await createApplication(readers.teamId, "consumer", "two-topic-reader");
    const first = await requestAccess(reader, { topicName: topic, applicationId: app.id, justification: "Reads statuses." });
    const second = await requestAccess(reader, { topicName: otherTopic, applicationId: app.id, justification: "Reads closures." });
    for (const { requestId } of [first, second]) {
      await reviewRequest(owner, { requestId, decision: "approve", comment: "Owner approves." });
      await reviewRequest(admin, { requestId, decision: "approve", comment: "Admin approves." });
    }
    const db = await getDb();
    await db
      .update(provisioningJobs)
      .set({ runAfter: new Date(Date.now() + 60 * 60_000) })
      .where(eq(provisioningJobs.requestId, first.requestId));
    await drainJobs();
    await db.update(provisioningJobs).set({ runAfter: new Date() }).where(eq(provisioningJobs.requestId, first.requestId));
    await drainJobs();

    expect((await requestOutcome(first.requestId)).state).toBe("provisioned");
    expect((await requestOutcome(second.requestId)).state).toBe("provisioned");
  });

  it("hides drafts from the owning team", async () => {
    const app = await createApplication(readers.teamId, "consumer", "draft-reader");
    const { requestId } = await requestAccess(reader, {
      topicName: topic,
      applicationId: app.id,
      justification: "Still deciding.",
      intent: "draft",
    });

    await expect(getRequestDetail(owner, requestId)).rejects.toThrow(/requesting team can see its drafts/);
    expect((await getRequestDetail(reader, requestId))?.state).toBe("draft");
  });

  it("keeps the last owner of a team", async () => {
    const team = await createTeamWithMember("lonely");
    const lonelyOwner = await team.caller();
    const [me] = await (await getDb()).select({ email: users.email }).from(users).where(eq(users.id, lonelyOwner.userId));

    await expect(addTeamMember(lonelyOwner, { teamId: team.teamId, email: me!.email, role: "member" })).rejects.toThrow(
      /at least one owner/,
    );
    await expect(removeTeamMember(lonelyOwner, { teamId: team.teamId, email: me!.email })).rejects.toThrow(/at least one owner/);

    await addTeamMember(lonelyOwner, { teamId: team.teamId, email: "second-owner@example.org", role: "owner" });
    await removeTeamMember(lonelyOwner, { teamId: team.teamId, email: me!.email });
    const left = await (await getDb()).select().from(teamMembers).where(eq(teamMembers.teamId, team.teamId));
    expect(left.map((member) => member.role)).toEqual(["owner"]);
  });

  it("locks the embedded database to one process", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "onramp-lock-"));
    const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: path.join(folder, "db"), LOG_LEVEL: "warn" };
    delete env.DATABASE_URL;
    const root = path.resolve(__dirname, "../..");
    const run = (script: string) => spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });

    const worker = run("scripts/worker.ts");
    let workerOutput = "";
    worker.stdout?.on("data", (chunk) => (workerOutput += String(chunk)));
    const deadline = Date.now() + 30_000;
    const { existsSync } = await import("node:fs");
    while (!existsSync(path.join(folder, "db.lock")) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    try {
      const migrate = run("scripts/migrate.ts");
      let output = "";
      migrate.stdout?.on("data", (chunk) => (output += String(chunk)));
      const code = await new Promise<number | null>((resolve) => migrate.once("exit", resolve));
      expect(code).toBe(1);
      expect(output).toContain("is open in process");
    } finally {
      worker.kill("SIGTERM");
      await new Promise((resolve) => worker.once("exit", resolve));
      rmSync(folder, { recursive: true, force: true });
    }
    expect(workerOutput).not.toContain("is open in process");
  });
});
