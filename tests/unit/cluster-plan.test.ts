import { describe, expect, it } from "vitest";

import { aclsForGrant } from "@/lib/domain/acl-templates";
import {
  planConsumerAccess,
  planNewTopic,
  suggestPartitions,
  topicConfigsFor,
  topicDifferences,
  type ObservedTopic,
  type PlannedTopic,
  type TopicSpec,
} from "@/lib/domain/cluster-plan";
import type { EnvironmentSettings } from "@/lib/domain/environment";

const PRODUCTION: EnvironmentSettings = {
  name: "production",
  replicationFactor: 3,
  minInsyncReplicas: 2,
  allowsSensitiveData: true,
};

const SANDBOX: EnvironmentSettings = {
  name: "sandbox",
  replicationFactor: 1,
  minInsyncReplicas: 1,
  allowsSensitiveData: false,
};

const SPEC: TopicSpec = { name: "claims_contention_created", partitions: 6, retentionDays: 7 };

describe("topicConfigsFor", () => {
  it("converts 7 days to milliseconds", () => {
    expect(topicConfigsFor(SPEC, PRODUCTION)["retention.ms"]).toBe("604800000");
  });

  it.each([
    { retentionDays: 1, retentionMs: "86400000" },
    { retentionDays: 90, retentionMs: "7776000000" },
  ])("converts $retentionDays days", ({ retentionDays, retentionMs }) => {
    expect(topicConfigsFor({ ...SPEC, retentionDays }, PRODUCTION)["retention.ms"]).toBe(retentionMs);
  });

  it("takes min.insync.replicas from environment", () => {
    expect(topicConfigsFor(SPEC, PRODUCTION)["min.insync.replicas"]).toBe("2");
  });

  it("sets only these two configs", () => {
    expect(topicConfigsFor(SPEC, SANDBOX)).toEqual({
      "retention.ms": "604800000",
      "min.insync.replicas": "1",
    });
  });
});

describe("planNewTopic", () => {
  it("plans topic, ACLs and user", () => {
    const plan = planNewTopic({
      topic: SPEC,
      producerApplication: "claims-notifier",
      transactional: false,
      environment: PRODUCTION,
    });

    expect(plan).toEqual({
      topic: {
        name: "claims_contention_created",
        partitions: 6,
        replicationFactor: 3,
        configs: { "retention.ms": "604800000", "min.insync.replicas": "2" },
      },
      acls: aclsForGrant({
        application: "claims-notifier",
        topic: "claims_contention_created",
        role: "producer",
      }),
      aclsToRemove: [],
      scramUser: "claims-notifier",
      createUser: true,
    });
  });

  it.each([PRODUCTION, SANDBOX])("uses $name replication settings", (environment) => {
    const plan = planNewTopic({
      topic: SPEC,
      producerApplication: "claims-notifier",
      transactional: false,
      environment,
    });

    expect(plan.topic?.replicationFactor).toBe(environment.replicationFactor);
    expect(plan.topic?.configs["min.insync.replicas"]).toBe(String(environment.minInsyncReplicas));
  });

  it("ignores team-supplied replication settings", () => {
    // A form or API caller could send extra fields, and the plan must not read them.
    const teamSpec = {
      ...SPEC,
      replicationFactor: 1,
      minInsyncReplicas: 1,
      configs: { "min.insync.replicas": "1" },
    } as TopicSpec;

    const plan = planNewTopic({
      topic: teamSpec,
      producerApplication: "claims-notifier",
      transactional: false,
      environment: PRODUCTION,
    });

    expect(plan.topic?.replicationFactor).toBe(3);
    expect(plan.topic?.configs["min.insync.replicas"]).toBe("2");
  });

  it.each([false, true])("matches aclsForGrant, transactional %s", (transactional) => {
    const plan = planNewTopic({
      topic: SPEC,
      producerApplication: "claims-notifier",
      transactional,
      environment: PRODUCTION,
    });

    expect(plan.acls).toEqual(
      aclsForGrant({ application: "claims-notifier", topic: SPEC.name, role: "producer", transactional }),
    );
  });
});

describe("planConsumerAccess", () => {
  const plan = planConsumerAccess({ topic: "appointments", consumerApplication: "vba-dependant-sync" });

  it("creates no topic", () => {
    expect(plan.topic).toBeNull();
  });

  it("matches consumer aclsForGrant", () => {
    expect(plan.acls).toEqual(
      aclsForGrant({ application: "vba-dependant-sync", topic: "appointments", role: "consumer" }),
    );
  });

  it("creates the consumer user", () => {
    expect(plan.scramUser).toBe("vba-dependant-sync");
  });
});

describe("topicDifferences", () => {
  const planned: PlannedTopic = {
    name: "appointments",
    partitions: 3,
    replicationFactor: 3,
    configs: { "retention.ms": "604800000", "min.insync.replicas": "2" },
  };

  function observed(overrides: Partial<ObservedTopic> = {}): ObservedTopic {
    return {
      partitions: 3,
      replicationFactor: 3,
      configs: { "retention.ms": "604800000", "min.insync.replicas": "2" },
      ...overrides,
    };
  }

  it("returns nothing when matching", () => {
    expect(topicDifferences(observed(), planned)).toEqual([]);
  });

  it("ignores unplanned observed configs", () => {
    const extra = observed({
      configs: { "retention.ms": "604800000", "min.insync.replicas": "2", "cleanup.policy": "delete" },
    });

    expect(topicDifferences(extra, planned)).toEqual([]);
  });

  it("reports differing partitions", () => {
    expect(topicDifferences(observed({ partitions: 6 }), planned)).toEqual([
      "partitions: found 6, expected 3",
    ]);
  });

  it("reports differing replication factor", () => {
    expect(topicDifferences(observed({ replicationFactor: 1 }), planned)).toEqual([
      "replication factor: found 1, expected 3",
    ]);
  });

  it("reports differing retention.ms", () => {
    const shorter = observed({ configs: { "retention.ms": "86400000", "min.insync.replicas": "2" } });

    expect(topicDifferences(shorter, planned)).toEqual(["retention.ms: found 86400000, expected 604800000"]);
  });

  it("reports differing min.insync.replicas", () => {
    const weaker = observed({ configs: { "retention.ms": "604800000", "min.insync.replicas": "1" } });

    expect(topicDifferences(weaker, planned)).toEqual(["min.insync.replicas: found 1, expected 2"]);
  });

  it("reports missing config as unset", () => {
    const missing = observed({ configs: { "min.insync.replicas": "2" } });

    expect(topicDifferences(missing, planned)).toEqual(["retention.ms: found unset, expected 604800000"]);
  });

  it("reports undefined config as unset", () => {
    const undefinedConfig = observed({ configs: { "retention.ms": undefined, "min.insync.replicas": "2" } });

    expect(topicDifferences(undefinedConfig, planned)).toEqual([
      "retention.ms: found unset, expected 604800000",
    ]);
  });

  it("reports every difference", () => {
    const different = observed({ partitions: 1, replicationFactor: 1, configs: {} });

    expect(topicDifferences(different, planned)).toEqual([
      "partitions: found 1, expected 3",
      "replication factor: found 1, expected 3",
      "retention.ms: found unset, expected 604800000",
      "min.insync.replicas: found unset, expected 2",
    ]);
  });
});

describe("suggestPartitions", () => {
  it.each([
    { label: "zero events", events: 0, bytes: 500 },
    { label: "negative events", events: -10, bytes: 500 },
    { label: "NaN events", events: Number.NaN, bytes: 500 },
    { label: "zero bytes", events: 100, bytes: 0 },
    { label: "negative bytes", events: 100, bytes: -1 },
    { label: "NaN bytes", events: 100, bytes: Number.NaN },
  ])("defaults to 3 for $label", ({ events, bytes }) => {
    expect(suggestPartitions(events, bytes)).toBe(3);
  });

  it("keeps 3 for light load", () => {
    expect(suggestPartitions(50, 500)).toBe(3);
  });

  it("grows with event rate", () => {
    // 5,000 events/s at 1,000 events/s per partition needs 5. The 500,000 B/s byte rate needs only 1.
    expect(suggestPartitions(5000, 100)).toBe(5);
  });

  it("grows with byte rate", () => {
    // 2,000 events/s of 10,000 bytes is 20,000,000 B/s, or 19.07 partitions of 1 MiB/s.
    expect(suggestPartitions(2000, 10_000)).toBe(20);
  });

  it("caps at 48", () => {
    expect(suggestPartitions(1_000_000, 1000)).toBe(48);
  });

  it("caps infinite load at 48", () => {
    expect(suggestPartitions(Number.POSITIVE_INFINITY, 1000)).toBe(48);
  });

  it("never decreases with load", () => {
    let previous = suggestPartitions(1, 1000);
    for (let events = 1; events <= 200_000; events += 997) {
      const current = suggestPartitions(events, 1000);
      expect(current, `${events} events/s`).toBeGreaterThanOrEqual(previous);
      previous = current;
    }
  });
});
