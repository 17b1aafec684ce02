import "server-only";

import { ConfigResourceTypes, type Admin } from "kafkajs";

import type { ObservedTopic, PlannedTopic } from "@/lib/domain/cluster-plan";

/** Reads a topic's partition count, replication factor and the given configs, or null if absent. */
export async function describeTopic(
  admin: Admin,
  name: string,
  configNames: string[],
): Promise<ObservedTopic | null> {
  const existing = await admin.listTopics();
  if (!existing.includes(name)) return null;

  const metadata = await admin.fetchTopicMetadata({ topics: [name] });
  const partitions = metadata.topics[0]?.partitions ?? [];
  const configs = await admin.describeConfigs({
    resources: [{ type: ConfigResourceTypes.TOPIC, name, configNames }],
    includeSynonyms: false,
  });
  const entries = configs.resources[0]?.configEntries ?? [];

  return {
    partitions: partitions.length,
    replicationFactor: partitions[0]?.replicas.length ?? 0,
    configs: Object.fromEntries(entries.map((entry) => [entry.configName, entry.configValue])),
  };
}

export async function createTopic(admin: Admin, topic: PlannedTopic): Promise<boolean> {
  return admin.createTopics({
    waitForLeaders: true,
    topics: [
      {
        topic: topic.name,
        numPartitions: topic.partitions,
        replicationFactor: topic.replicationFactor,
        configEntries: Object.entries(topic.configs).map(([name, value]) => ({ name, value })),
      },
    ],
  });
}

/** Deletes a topic; one that does not exist counts as deleted. */
export async function deleteTopic(admin: Admin, name: string): Promise<void> {
  if (!(await admin.listTopics()).includes(name)) return;
  await admin.deleteTopics({ topics: [name] });
}
