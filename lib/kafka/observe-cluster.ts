import "server-only";

import { ConfigResourceTypes, type Admin } from "kafkajs";

import type { ObservedState, ObservedTopicState } from "@/lib/domain/drift";

import { describeAclsOf } from "./acls";
import { listScramUsers } from "./scram";

/**
 * Reads the cluster's topics (with partitions, replication factor and the given configs of the
 * given topics), all ACLs and all SCRAM users.
 */
export async function observeCluster(
  admin: Admin,
  options: { configTopics: string[]; configNames: string[] },
): Promise<ObservedState> {
  const names = (await admin.listTopics()).filter((name) => !name.startsWith("__"));
  const metadata = names.length ? await admin.fetchTopicMetadata({ topics: names }) : { topics: [] };

  const configTopics = options.configTopics.filter((name) => names.includes(name));
  const configs = new Map<string, Record<string, string>>();
  if (configTopics.length && options.configNames.length) {
    const described = await admin.describeConfigs({
      resources: configTopics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: options.configNames })),
      includeSynonyms: false,
    });
    for (const resource of described.resources) {
      configs.set(
        resource.resourceName,
        Object.fromEntries(resource.configEntries.map((entry) => [entry.configName, entry.configValue])),
      );
    }
  }

  const topics: ObservedTopicState[] = metadata.topics.map((topic) => ({
    name: topic.name,
    partitions: topic.partitions.length,
    replicationFactor: topic.partitions[0]?.replicas.length ?? 0,
    configs: configs.get(topic.name) ?? {},
  }));

  return { topics, acls: await describeAclsOf(admin), users: await listScramUsers() };
}
