import { randomBytes } from "node:crypto";

import { eq } from "drizzle-orm";
import { Kafka, logLevel, type Admin, type Consumer, type Producer } from "kafkajs";

import { applications, domains, teamMembers, teams, users } from "@/db/schema";
import { loadCaller, type Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { seedDomains } from "@/lib/data/seed";
import type { ApplicationKind } from "@/lib/domain/schemas";

/** A suffix that keeps names unique across runs, because the broker keeps its data between them. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString("hex");
}

export interface TestTeam {
  teamId: string;
  caller: () => Promise<Caller>;
}

/** Creates a person who is a member of a new team, and returns a way to load them as caller. */
export async function createTeamWithMember(label: string, email?: string): Promise<TestTeam> {
  const db = await getDb();
  const suffix = uniqueSuffix();
  const memberEmail = email ?? `${label}-${suffix}@example.org`;
  const [user] = await db
    .insert(users)
    .values({ email: memberEmail, name: `${label} person` })
    .onConflictDoUpdate({ target: users.email, set: { email: memberEmail } })
    .returning({ id: users.id });
  const [team] = await db
    .insert(teams)
    .values({ name: `${label} team ${suffix}`, slug: `${label}-team-${suffix}` })
    .returning({ id: teams.id });
  await db.insert(teamMembers).values({ teamId: team!.id, userId: user!.id, role: "owner" });
  return { teamId: team!.id, caller: () => loadCaller({ email: memberEmail }) };
}

export async function createApplication(
  teamId: string,
  kind: ApplicationKind,
  prefix: string,
): Promise<{ id: string; name: string }> {
  const db = await getDb();
  const name = `${prefix}-${uniqueSuffix()}`;
  const [application] = await db
    .insert(applications)
    .values({ teamId, name, kind, description: `${prefix} test application` })
    .returning({ id: applications.id, name: applications.name });
  return application!;
}

export async function domainId(name = "claims"): Promise<string> {
  const db = await getDb();
  await seedDomains(db);
  const [domain] = await db.select({ id: domains.id }).from(domains).where(eq(domains.name, name));
  return domain!.id;
}

export const BROKERS = (process.env.KAFKA_BOOTSTRAP_SERVERS ?? "127.0.0.1:9092").split(",");

export function kafkaAs(username: string, password: string): Kafka {
  return new Kafka({
    clientId: `test-${username}`,
    brokers: BROKERS,
    sasl: { mechanism: "scram-sha-512", username, password },
    connectionTimeout: 5_000,
    retry: { retries: 1, initialRetryTime: 100 },
    logLevel: logLevel.NOTHING,
  });
}

export function adminKafka(): Kafka {
  return kafkaAs(process.env.KAFKA_ADMIN_USERNAME ?? "admin", process.env.KAFKA_ADMIN_PASSWORD ?? "onramp-local-admin");
}

/** Runs a callback with a connected client and always disconnects it. */
export async function using<T extends Admin | Producer | Consumer, R>(client: T, run: (client: T) => Promise<R>): Promise<R> {
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.disconnect();
  }
}

/**
 * Consumes from the start of a topic until `count` events arrived, or rejects with the first
 * error, crash included, so authorization failures surface as rejections.
 */
export async function readEvents(
  kafka: Kafka,
  options: { topic: string; groupId: string; count: number; timeoutMs?: number },
): Promise<string[]> {
  // Retries cover a fresh cluster still creating __consumer_offsets; authorization errors are
  // not retriable and still fail at once.
  const consumer = kafka.consumer({ groupId: options.groupId, retry: { retries: 5, initialRetryTime: 200 } });
  const received: string[] = [];
  try {
    return await new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out with ${received.length} of ${options.count} events`)),
        options.timeoutMs ?? 30_000,
      );
      const fail = (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      };
      consumer.on(consumer.events.CRASH, (event) => fail(event.payload.error));
      (async () => {
        await consumer.connect();
        await consumer.subscribe({ topic: options.topic, fromBeginning: true });
        await consumer.run({
          eachMessage: async ({ message }) => {
            received.push(message.value?.toString() ?? "");
            if (received.length >= options.count) {
              clearTimeout(timer);
              resolve(received);
            }
          },
        });
      })().catch(fail);
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

/** Kafka's GROUP_AUTHORIZATION_FAILED error code. */
export const GROUP_AUTHORIZATION_FAILED = 30;

/**
 * Asks the broker for a consumer group's coordinator as the given user and returns Kafka's
 * error code (0 when allowed). kafkajs hides this error behind "Failed to find group
 * coordinator", so the request is made with @platformatic/kafka's protocol layer.
 */
export async function findCoordinatorErrorCode(username: string, password: string, groupId: string): Promise<number> {
  const { Connection, ResponseError, findCoordinatorV4 } = await import("@platformatic/kafka");
  const [host, port] = BROKERS[0]!.split(":");
  const connection = new Connection("test-find-coordinator", {
    sasl: { mechanism: "SCRAM-SHA-512", username, password },
  });
  await connection.connect(host!, Number(port));
  try {
    const response = await findCoordinatorV4.api.async(connection, 0, [groupId]);
    return response.coordinators[0]?.errorCode ?? -1;
  } catch (error) {
    if (error instanceof ResponseError) {
      const response = error.response as { coordinators?: Array<{ errorCode: number }> };
      return response.coordinators?.[0]?.errorCode ?? -1;
    }
    throw error;
  } finally {
    await connection.close();
  }
}

/**
 * Approves a request at each review step, the topic owner's first when one is given, then runs
 * the provisioning jobs that are due, as the worker would.
 */
export async function approveAndProvision(
  reviewer: Caller,
  requestId: string,
  comment = "Approved.",
  topicOwner?: Caller,
): Promise<{ state: string; failureReason: string | null }> {
  const { reviewRequest } = await import("@/lib/data/requests/review-request");
  const { drainJobs } = await import("@/lib/provisioning/worker");
  if (topicOwner) await reviewRequest(topicOwner, { requestId, decision: "approve", comment: `Owner: ${comment}` });
  await reviewRequest(reviewer, { requestId, decision: "approve", comment });
  await drainJobs();
  return requestOutcome(requestId);
}

export async function requestOutcome(requestId: string): Promise<{ state: string; failureReason: string | null }> {
  const { requests } = await import("@/db/schema");
  const db = await getDb();
  const [request] = await db
    .select({ state: requests.state, failureReason: requests.failureReason })
    .from(requests)
    .where(eq(requests.id, requestId));
  return { state: request!.state, failureReason: request!.failureReason };
}
