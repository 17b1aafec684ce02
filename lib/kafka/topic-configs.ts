import "server-only";

import { ConfigResourceTypes, incrementalAlterConfigsV1, IncrementalAlterConfigOperationTypes } from "@platformatic/kafka";

import { logger } from "@/lib/logger";

import { withAdminConnection } from "./protocol-connection";

/**
 * Sets the given configs of a topic and leaves its other configs as they are. kafkajs only has
 * AlterConfigs, which replaces every dynamic config of the topic, so this uses Kafka's
 * IncrementalAlterConfigs request.
 */
export async function setTopicConfigs(topic: string, configs: Record<string, string>): Promise<void> {
  const entries = Object.entries(configs);
  if (entries.length === 0) return;
  await withAdminConnection((connection) =>
    incrementalAlterConfigsV1.api.async(
      connection,
      [
        {
          resourceType: ConfigResourceTypes.TOPIC,
          resourceName: topic,
          configs: entries.map(([name, value]) => ({ name, configOperation: IncrementalAlterConfigOperationTypes.SET, value })),
        },
      ],
      false,
    ),
  );
  logger.info({ topic, configs: entries.map(([name]) => name) }, "topic configs set");
}
