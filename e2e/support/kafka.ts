import { ConfigResourceTypes, Kafka, logLevel, type Admin, type Producer } from "kafkajs";

/**
 * The local broker that `node scripts/kafka/ensure.mjs` starts, with the admin credential that
 * its scripts format the cluster with. The portal under test uses the same defaults.
 */
export const LOCAL_BROKER = "127.0.0.1:9092";
const ADMIN = { username: "admin", password: "onramp-local-admin" };

export interface ScramCredential {
  username: string;
  password: string;
}

/** Builds a kafkajs client that signs in with SASL SCRAM-SHA-512 over plaintext. */
export function kafkaAs(credential: ScramCredential): Kafka {
  return new Kafka({
    clientId: `e2e-${credential.username}`,
    brokers: [LOCAL_BROKER],
    sasl: { mechanism: "scram-sha-512", username: credential.username, password: credential.password },
    connectionTimeout: 5_000,
    // kafkajs retries 5 times by default, starting at 300 ms, so a rejected sign-in would take seconds.
    retry: { retries: 1, initialRetryTime: 200 },
    logLevel: logLevel.NOTHING,
  });
}

async function withConnected<T extends Admin | Producer, R>(client: T, run: (client: T) => Promise<R>): Promise<R> {
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.disconnect();
  }
}

/** Produces one event to a topic as the given Kafka user, and waits for all in-sync replicas. */
export async function produceEvent(
  credential: ScramCredential,
  topic: string,
  event: { key: string; value: string },
): Promise<void> {
  const producer = kafkaAs(credential).producer({ allowAutoTopicCreation: false });
  await withConnected(producer, (connected) => connected.send({ topic, acks: -1, messages: [event] }));
}

export interface ObservedTopic {
  partitions: number;
  retentionMs: string | undefined;
  /** Sum of the high watermarks of all partitions, which is the number of events produced. */
  eventCount: number;
}

/** Reads a topic's partitions, retention and event count as the broker's admin user. */
export async function describeTopicAsAdmin(topic: string): Promise<ObservedTopic> {
  return withConnected(kafkaAs(ADMIN).admin(), async (admin) => {
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    const offsets = await admin.fetchTopicOffsets(topic);
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ["retention.ms"] }],
    });
    const retention = configs.resources[0]?.configEntries.find((entry) => entry.configName === "retention.ms");
    return {
      partitions: metadata.topics[0]?.partitions.length ?? 0,
      retentionMs: retention?.configValue,
      eventCount: offsets.reduce((sum, partition) => sum + Number(partition.high), 0),
    };
  });
}

/**
 * Reads `count` events from the start of a topic as the given Kafka user, in a consumer group
 * with the given id, and returns their values. Rejects on the first error or after 30 s.
 */
export async function consumeEvents(credential: ScramCredential, topic: string, groupId: string, count: number): Promise<string[]> {
  const consumer = kafkaAs(credential).consumer({ groupId, retry: { retries: 5, initialRetryTime: 200 } });
  const values: string[] = [];
  try {
    return await new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Read ${values.length} of ${count} events within 30 s.`)), 30_000);
      consumer.on(consumer.events.CRASH, (event) => {
        clearTimeout(timer);
        reject(event.payload.error);
      });
      (async () => {
        await consumer.connect();
        await consumer.subscribe({ topic, fromBeginning: true });
        await consumer.run({
          eachMessage: async ({ message }) => {
            values.push(message.value?.toString() ?? "");
            if (values.length >= count) {
              clearTimeout(timer);
              resolve(values);
            }
          },
        });
      })().catch((error: unknown) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}
