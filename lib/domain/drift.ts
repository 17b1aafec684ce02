import { aclKey, type AclBinding } from "./acl-templates";
import type { PlannedTopic } from "./cluster-plan";

/** The resources the database records as wanted on the cluster. */
export interface DesiredState {
  topics: PlannedTopic[];
  acls: AclBinding[];
  /** SCRAM users of applications with a credential. Their principals are managed by Onramp. */
  users: string[];
  /**
   * Topics and ACLs of approvals whose provisioning job has not finished. They are neither
   * missing nor extra: the job owns them until it ends.
   */
  inFlightTopics: string[];
  inFlightAcls: AclBinding[];
}

export interface ObservedTopicState {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string | undefined>;
}

/** The resources found on the cluster. */
export interface ObservedState {
  topics: ObservedTopicState[];
  acls: AclBinding[];
  users: string[];
}

export type DriftItem =
  | { kind: "missing_topic"; topic: PlannedTopic }
  | { kind: "partitions_differ"; topic: string; expected: number; found: number }
  | { kind: "replication_differs"; topic: string; expected: number; found: number }
  | { kind: "config_differs"; topic: string; config: string; expected: string; found: string | null }
  | { kind: "missing_acl"; binding: AclBinding }
  | { kind: "extra_acl"; binding: AclBinding }
  | { kind: "missing_user"; username: string }
  | { kind: "unmanaged_topic"; topic: string }
  | { kind: "unmanaged_principal"; principal: string; acls: number };

/**
 * Whether applying the plan can fix an item. Unmanaged resources are never touched; Kafka cannot
 * remove partitions or change a replication factor without a reassignment, so those are
 * reported for a person to handle.
 */
export function isRepairable(item: DriftItem): boolean {
  switch (item.kind) {
    case "missing_topic":
    case "config_differs":
    case "missing_acl":
    case "extra_acl":
    case "missing_user":
      return true;
    case "partitions_differ":
      return item.found < item.expected;
    default:
      return false;
  }
}

/** Kafka's own topics (such as __consumer_offsets) are never reported. */
function isInternalTopic(name: string): boolean {
  return name.startsWith("__");
}

/** Compares the desired state with the cluster and lists every difference. */
export function computeDrift(desired: DesiredState, observed: ObservedState): DriftItem[] {
  const items: DriftItem[] = [];
  const observedTopics = new Map(observed.topics.map((topic) => [topic.name, topic]));
  const desiredTopicNames = new Set([...desired.topics.map((topic) => topic.name), ...desired.inFlightTopics]);

  for (const topic of desired.topics) {
    const found = observedTopics.get(topic.name);
    if (!found) {
      items.push({ kind: "missing_topic", topic });
      continue;
    }
    if (found.partitions !== topic.partitions) {
      items.push({ kind: "partitions_differ", topic: topic.name, expected: topic.partitions, found: found.partitions });
    }
    if (found.replicationFactor !== topic.replicationFactor) {
      items.push({
        kind: "replication_differs",
        topic: topic.name,
        expected: topic.replicationFactor,
        found: found.replicationFactor,
      });
    }
    for (const [config, expected] of Object.entries(topic.configs)) {
      const value = found.configs[config];
      if (value !== expected) items.push({ kind: "config_differs", topic: topic.name, config, expected, found: value ?? null });
    }
  }

  const desiredAclKeys = new Set(desired.acls.map(aclKey));
  const inFlightAclKeys = new Set(desired.inFlightAcls.map(aclKey));
  const observedAclKeys = new Set(observed.acls.map(aclKey));
  for (const binding of desired.acls) {
    if (!observedAclKeys.has(aclKey(binding))) items.push({ kind: "missing_acl", binding });
  }

  const managedPrincipals = new Set(desired.users.map((user) => `User:${user}`));
  const unmanagedAcls = new Map<string, number>();
  for (const binding of observed.acls) {
    const key = aclKey(binding);
    if (managedPrincipals.has(binding.principal)) {
      // Onramp grants only ALLOW; a DENY on its principals is an operator's decision to keep.
      const operatorDeny = (binding.permission as string) === "DENY";
      if (!operatorDeny && !desiredAclKeys.has(key) && !inFlightAclKeys.has(key)) items.push({ kind: "extra_acl", binding });
    } else {
      unmanagedAcls.set(binding.principal, (unmanagedAcls.get(binding.principal) ?? 0) + 1);
    }
  }

  const observedUsers = new Set(observed.users);
  for (const username of desired.users) {
    if (!observedUsers.has(username)) items.push({ kind: "missing_user", username });
  }

  for (const topic of observed.topics) {
    if (!desiredTopicNames.has(topic.name) && !isInternalTopic(topic.name)) {
      items.push({ kind: "unmanaged_topic", topic: topic.name });
    }
  }
  for (const [principal, count] of [...unmanagedAcls].sort(([a], [b]) => a.localeCompare(b))) {
    items.push({ kind: "unmanaged_principal", principal, acls: count });
  }
  return items;
}

function describeBinding(binding: AclBinding): string {
  return `${binding.principal} ${binding.permission} ${binding.operation} on ${binding.resourceType} ${binding.patternType} ${binding.resourceName} from host ${binding.host}`;
}

/**
 * One line per item, for the command line and the admin page. The line names every field, so
 * it also identifies the item when an administrator applies the repairs shown.
 */
export function describeDrift(item: DriftItem): string {
  switch (item.kind) {
    case "missing_topic":
      return `Topic ${item.topic.name} is missing on the cluster; repair creates it with ${item.topic.partitions} partitions.`;
    case "partitions_differ":
      return item.found < item.expected
        ? `Topic ${item.topic} has ${item.found} partitions, expected ${item.expected}; repair adds partitions.`
        : `Topic ${item.topic} has ${item.found} partitions, expected ${item.expected}; Kafka cannot remove partitions, so fix the record or recreate the topic by hand.`;
    case "replication_differs":
      return `Topic ${item.topic} has replication factor ${item.found}, expected ${item.expected}; change it with a partition reassignment.`;
    case "config_differs":
      return `Topic ${item.topic} has ${item.config}=${item.found ?? "unset"}, expected ${item.expected}; repair sets it.`;
    case "missing_acl":
      return `ACL missing: ${describeBinding(item.binding)}; repair creates it.`;
    case "extra_acl":
      return `ACL not granted by Onramp: ${describeBinding(item.binding)}; repair deletes it.`;
    case "missing_user":
      return `SCRAM user ${item.username} is missing; repair creates it and lets its team reveal a new password.`;
    case "unmanaged_topic":
      return `Topic ${item.topic} is not managed by Onramp; listed only, never changed.`;
    case "unmanaged_principal":
      return `Principal ${item.principal} has ${item.acls} ACLs and is not managed by Onramp; listed only, never changed.`;
  }
}
