// Measures provisioning on the local broker and a PostgreSQL database of its own:
//   1. approval to a working credential: for each of N requests, the time from the approval
//      until a kafkajs producer signed in with the revealed credential has written one event;
//   2. bulk provisioning: M approvals queued at once, drained by one worker process's loops.
// Usage: npm run bench -- [--requests 20] [--bulk 500] [--concurrency 4]
// Needs the broker (npm run kafka:start) and PostgreSQL; BENCH_DATABASE_URL defaults to
// postgres://postgres@127.0.0.1:5432/onramp_bench, which is dropped and recreated.
import os from "node:os";
import { parseArgs } from "node:util";

import { eq, inArray } from "drizzle-orm";
import { Kafka, logLevel } from "kafkajs";

import { recreateDatabase } from "../tests/support/recreate-database";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "20" },
    bulk: { type: "string", default: "500" },
    concurrency: { type: "string", default: "4" },
  },
});
const REQUESTS = Number(values.requests);
const BULK = Number(values.bulk);
const CONCURRENCY = Number(values.concurrency);

const databaseUrl = new URL(process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/onramp_bench");
process.env.DATABASE_URL = databaseUrl.toString();
process.env.ONRAMP_ADMIN_EMAILS = "bench-admin@example.org";
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? "warn";
process.env.ONRAMP_WORKER_POLL_MS = "50";
process.env.ONRAMP_WORKER_CONCURRENCY = String(CONCURRENCY);

function percentile(sorted: number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 0.5).toFixed(0)} ms, p95 ${percentile(sorted, 0.95).toFixed(0)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms`;
}

async function main(): Promise<void> {
  await recreateDatabase(databaseUrl.toString());
  const { applications, domains, requests, teamMembers, teams, users } = await import("@/db/schema");
  const { loadCaller } = await import("@/lib/auth/caller");
  const { revealCredential } = await import("@/lib/data/credentials/reveal-credential");
  const { proposeTopic } = await import("@/lib/data/requests/propose-topic");
  const { reviewRequest } = await import("@/lib/data/requests/review-request");
  const { seedDomains } = await import("@/lib/data/seed");
  const { closeDb, getDb } = await import("@/lib/db");
  const { getAdmin, resetAdmin } = await import("@/lib/kafka/client");
  const { startWorker } = await import("@/lib/provisioning/worker");

  const db = await getDb();
  await seedDomains(db);
  const run = Date.now().toString(36);
  const [adminUser] = await db.insert(users).values({ email: "bench-admin@example.org", name: "Bench admin" }).returning();
  const [teamUser] = await db.insert(users).values({ email: "bench-team@example.org", name: "Bench team" }).returning();
  const [team] = await db.insert(teams).values({ name: `Bench ${run}`, slug: `bench-${run}` }).returning();
  await db.insert(teamMembers).values({ teamId: team!.id, userId: teamUser!.id, role: "owner" });
  const [domain] = await db.select().from(domains).where(eq(domains.name, "claims"));
  const admin = await loadCaller({ email: adminUser!.email });
  const member = await loadCaller({ email: teamUser!.email });

  async function propose(index: number, label: string): Promise<{ requestId: string; topic: string; applicationId: string }> {
    const [application] = await db
      .insert(applications)
      .values({ teamId: team!.id, name: `bench-${label}-${run}-${index}`, kind: "producer", description: "Benchmark producer." })
      .returning();
    const topic = `bench_${label}_${run}_${index}`;
    const { requestId } = await proposeTopic(member, {
      domainId: domain!.id,
      name: topic,
      description: "Benchmark topic, deleted after the run.",
      partitions: 1,
      retentionDays: 1,
      classification: "none",
      producerApplicationId: application!.id,
    });
    return { requestId, topic, applicationId: application!.id };
  }

  async function waitProvisioned(requestIds: string[], timeoutMs: number): Promise<Map<string, number>> {
    const done = new Map<string, number>();
    const deadline = Date.now() + timeoutMs;
    while (done.size < requestIds.length) {
      if (Date.now() > deadline) throw new Error(`${requestIds.length - done.size} requests not provisioned in time`);
      const pending = requestIds.filter((id) => !done.has(id));
      const rows = await db
        .select({ id: requests.id, state: requests.state, failureReason: requests.failureReason })
        .from(requests)
        .where(inArray(requests.id, pending));
      for (const row of rows) {
        if (row.state === "failed") throw new Error(`request ${row.id} failed: ${row.failureReason}`);
        if (row.state === "provisioned") done.set(row.id, performance.now());
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return done;
  }

  const worker = startWorker();
  const createdTopics: string[] = [];

  // 1. Approval to a working credential.
  const latencies: number[] = [];
  for (let index = 0; index < REQUESTS; index += 1) {
    const { requestId, topic, applicationId } = await propose(index, "latency");
    createdTopics.push(topic);
    const started = performance.now();
    await reviewRequest(admin, { requestId, decision: "approve", comment: "Benchmark." });
    worker.wake();
    await waitProvisioned([requestId], 60_000);
    const credential = await revealCredential(member, applicationId);
    const producer = new Kafka({
      clientId: "bench",
      brokers: credential.bootstrapServers,
      sasl: { mechanism: "scram-sha-512", username: credential.username, password: credential.password },
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ value: "{}" }] });
    latencies.push(performance.now() - started);
    await producer.disconnect();
  }

  // 2. Bulk provisioning.
  const bulk: Array<{ requestId: string }> = [];
  for (let index = 0; index < BULK; index += 1) {
    const proposal = await propose(index, "bulk");
    createdTopics.push(proposal.topic);
    bulk.push(proposal);
  }
  await worker.stop();
  for (const { requestId } of bulk) {
    await reviewRequest(admin, { requestId, decision: "approve", comment: "Benchmark." });
  }
  const bulkStarted = performance.now();
  const bulkWorker = startWorker();
  const finished = await waitProvisioned(
    bulk.map((entry) => entry.requestId),
    30 * 60_000,
  );
  const bulkMs = performance.now() - bulkStarted;
  await bulkWorker.stop();
  const jobLatencies = [...finished.values()].map((at) => at - bulkStarted);

  const kafkaAdmin = await getAdmin();
  for (let index = 0; index < createdTopics.length; index += 100) {
    await kafkaAdmin.deleteTopics({ topics: createdTopics.slice(index, index + 100) });
  }
  await resetAdmin();
  await closeDb();

  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(`\n## ${new Date().toISOString().slice(0, 10)}: provisioning on the local broker\n`);
  console.log(`Command: \`npm run bench -- --requests ${REQUESTS} --bulk ${BULK} --concurrency ${CONCURRENCY}\``);
  console.log(`Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Kafka 3.9.1 (one KRaft node on 127.0.0.1), PostgreSQL on 127.0.0.1\n`);
  console.log(`| Measure | Result |`);
  console.log(`|---|---|`);
  console.log(`| Approval to a credential that produced one event (${REQUESTS} requests, one at a time) | ${summary(latencies)} |`);
  console.log(`| Bulk: ${BULK} approved topics drained by one worker with ${CONCURRENCY} loops | ${(bulkMs / 1000).toFixed(1)} s in all, ${(BULK / (bulkMs / 1000)).toFixed(1)} topics/s |`);
  console.log(`| Bulk: time from worker start to each request provisioned | ${summary(jobLatencies)} |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
