import { aclKey, aclsForGrant, type AclBinding, type GrantRole } from "./acl-templates";
import type { EnvironmentSettings } from "./environment";
import { MS_PER_DAY, TOPIC_RULES } from "./platform-rules";

export interface TopicSpec {
  name: string;
  partitions: number;
  retentionDays: number;
}

export interface PlannedTopic {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

/**
 * Every change that approving a request makes on the cluster. The review screen shows it and
 * provisioning applies it, so both always agree.
 */
export interface ClusterPlan {
  topic: PlannedTopic | null;
  /** ACL bindings to create. */
  acls: AclBinding[];
  /** ACL bindings to delete, for a revocation. */
  aclsToRemove: AclBinding[];
  /** The application's Kafka user. */
  scramUser: string;
  /** Whether to create the user with a SCRAM-SHA-512 credential when it does not exist yet. */
  createUser: boolean;
}

export function topicConfigsFor(
  spec: TopicSpec,
  environment: EnvironmentSettings,
): Record<string, string> {
  return {
    "retention.ms": String(spec.retentionDays * MS_PER_DAY),
    "min.insync.replicas": String(environment.minInsyncReplicas),
  };
}

export function planNewTopic(input: {
  topic: TopicSpec;
  producerApplication: string;
  transactional: boolean;
  environment: EnvironmentSettings;
}): ClusterPlan {
  const { topic, producerApplication, environment } = input;
  return {
    topic: {
      name: topic.name,
      partitions: topic.partitions,
      replicationFactor: environment.replicationFactor,
      configs: topicConfigsFor(topic, environment),
    },
    acls: aclsForGrant({
      application: producerApplication,
      topic: topic.name,
      role: "producer",
      transactional: input.transactional,
    }),
    aclsToRemove: [],
    scramUser: producerApplication,
    createUser: true,
  };
}

export function planConsumerAccess(input: {
  topic: string;
  consumerApplication: string;
}): ClusterPlan {
  return {
    topic: null,
    acls: aclsForGrant({
      application: input.consumerApplication,
      topic: input.topic,
      role: "consumer",
    }),
    aclsToRemove: [],
    scramUser: input.consumerApplication,
    createUser: true,
  };
}

/**
 * Plans the removal of one grant's ACLs. Bindings that another live grant of the same
 * application also needs (DESCRIBE on a topic it both produces and consumes) stay.
 */
export function planRevocation(input: {
  application: string;
  topic: string;
  role: GrantRole;
  transactional: boolean;
  stillNeeded: AclBinding[];
}): ClusterPlan {
  const kept = new Set(input.stillNeeded.map(aclKey));
  const granted = aclsForGrant({
    application: input.application,
    topic: input.topic,
    role: input.role,
    transactional: input.transactional,
  });
  return {
    topic: null,
    acls: [],
    aclsToRemove: granted.filter((binding) => !kept.has(aclKey(binding))),
    scramUser: input.application,
    createUser: false,
  };
}

export interface ObservedTopic {
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string | undefined>;
}

/**
 * Compares a topic found on the cluster with the planned one and returns each differing setting
 * as "setting: found X, expected Y". An empty list means the topic already matches the plan.
 */
export function topicDifferences(observed: ObservedTopic, planned: PlannedTopic): string[] {
  const differences: string[] = [];
  if (observed.partitions !== planned.partitions) {
    differences.push(`partitions: found ${observed.partitions}, expected ${planned.partitions}`);
  }
  if (observed.replicationFactor !== planned.replicationFactor) {
    differences.push(
      `replication factor: found ${observed.replicationFactor}, expected ${planned.replicationFactor}`,
    );
  }
  for (const [name, expected] of Object.entries(planned.configs)) {
    const found = observed.configs[name];
    if (found !== expected) differences.push(`${name}: found ${found ?? "unset"}, expected ${expected}`);
  }
  return differences;
}

/** Throughput one partition is sized for; a conservative figure for small-event consumers. */
const BYTES_PER_SECOND_PER_PARTITION = 1024 * 1024;
/** Keeps each consumer instance's share of events manageable at peak. */
const EVENTS_PER_SECOND_PER_PARTITION = 1000;

/**
 * Suggests a partition count from the expected peak load. It is a starting point shown on the
 * form, never enforced, and stays within the platform's limits.
 */
export function suggestPartitions(peakEventsPerSecond: number, averageEventBytes: number): number {
  if (!(peakEventsPerSecond > 0) || !(averageEventBytes > 0)) return TOPIC_RULES.defaultPartitions;
  const byBytes = Math.ceil((peakEventsPerSecond * averageEventBytes) / BYTES_PER_SECOND_PER_PARTITION);
  const byEvents = Math.ceil(peakEventsPerSecond / EVENTS_PER_SECOND_PER_PARTITION);
  const needed = Math.max(TOPIC_RULES.defaultPartitions, byBytes, byEvents);
  return Math.min(needed, TOPIC_RULES.maxPartitions);
}
