import { describe, expect, it } from "vitest";

import type { AclBinding } from "@/lib/domain/acl-templates";
import { computeDrift, describeDrift, isRepairable, type DesiredState, type ObservedState } from "@/lib/domain/drift";

const TOPIC = {
  name: "claims_status",
  partitions: 3,
  replicationFactor: 1,
  configs: { "retention.ms": "604800000", "min.insync.replicas": "1" },
};

function acl(principal: string, operation: AclBinding["operation"], resourceName = "claims_status"): AclBinding {
  return { principal, resourceType: "TOPIC", resourceName, patternType: "LITERAL", operation, permission: "ALLOW", host: "*" };
}

const WRITE = acl("User:claims-app", "WRITE");
const DESCRIBE = acl("User:claims-app", "DESCRIBE");

function desired(overrides: Partial<DesiredState> = {}): DesiredState {
  return { topics: [TOPIC], acls: [WRITE, DESCRIBE], users: ["claims-app"], inFlightTopics: [], inFlightAcls: [], ...overrides };
}

function observed(overrides: Partial<ObservedState> = {}): ObservedState {
  return { topics: [{ ...TOPIC }], acls: [WRITE, DESCRIBE], users: ["claims-app"], ...overrides };
}

describe("computeDrift", () => {
  it("reports nothing when states match", () => {
    expect(computeDrift(desired(), observed())).toEqual([]);
  });

  it("reports a missing topic", () => {
    expect(computeDrift(desired(), observed({ topics: [] }))).toEqual([{ kind: "missing_topic", topic: TOPIC }]);
  });

  it("reports differing partitions", () => {
    const items = computeDrift(desired(), observed({ topics: [{ ...TOPIC, partitions: 6 }] }));

    expect(items).toEqual([{ kind: "partitions_differ", topic: "claims_status", expected: 3, found: 6 }]);
  });

  it("reports a differing replication factor", () => {
    const items = computeDrift(desired(), observed({ topics: [{ ...TOPIC, replicationFactor: 3 }] }));

    expect(items).toEqual([{ kind: "replication_differs", topic: "claims_status", expected: 1, found: 3 }]);
  });

  it("reports a differing config", () => {
    const items = computeDrift(
      desired(),
      observed({ topics: [{ ...TOPIC, configs: { ...TOPIC.configs, "retention.ms": "1000" } }] }),
    );

    expect(items).toEqual([
      { kind: "config_differs", topic: "claims_status", config: "retention.ms", expected: "604800000", found: "1000" },
    ]);
  });

  it("reports a missing ACL", () => {
    expect(computeDrift(desired(), observed({ acls: [WRITE] }))).toEqual([{ kind: "missing_acl", binding: DESCRIBE }]);
  });

  it("reports an extra ACL on a managed principal", () => {
    const extra = acl("User:claims-app", "READ", "other_topic");

    expect(computeDrift(desired(), observed({ acls: [WRITE, DESCRIBE, extra] }))).toEqual([
      { kind: "extra_acl", binding: extra },
    ]);
  });

  it("reports a missing user", () => {
    expect(computeDrift(desired(), observed({ users: [] }))).toEqual([{ kind: "missing_user", username: "claims-app" }]);
  });

  it("lists unmanaged topics and principals", () => {
    const outsider = acl("User:someone-else", "READ");
    const items = computeDrift(
      desired(),
      observed({ topics: [{ ...TOPIC }, { ...TOPIC, name: "hand_made" }], acls: [WRITE, DESCRIBE, outsider, outsider] }),
    );

    expect(items).toEqual([
      { kind: "unmanaged_topic", topic: "hand_made" },
      { kind: "unmanaged_principal", principal: "User:someone-else", acls: 2 },
    ]);
  });

  it("ignores Kafka's internal topics", () => {
    const items = computeDrift(desired(), observed({ topics: [{ ...TOPIC }, { ...TOPIC, name: "__consumer_offsets" }] }));

    expect(items).toEqual([]);
  });

  it("leaves in-flight approvals to their jobs", () => {
    const pending = acl("User:claims-app", "READ", "new_topic");
    const items = computeDrift(
      desired({ inFlightTopics: ["new_topic"], inFlightAcls: [pending] }),
      observed({ topics: [{ ...TOPIC }, { ...TOPIC, name: "new_topic" }], acls: [WRITE, DESCRIBE, pending] }),
    );

    expect(items).toEqual([]);
  });
});

describe("isRepairable", () => {
  it.each([
    { kind: "missing_topic", item: { kind: "missing_topic", topic: TOPIC } as const, expected: true },
    { kind: "config_differs", item: { kind: "config_differs", topic: "t", config: "c", expected: "1", found: null } as const, expected: true },
    { kind: "missing_acl", item: { kind: "missing_acl", binding: WRITE } as const, expected: true },
    { kind: "extra_acl", item: { kind: "extra_acl", binding: WRITE } as const, expected: true },
    { kind: "missing_user", item: { kind: "missing_user", username: "u" } as const, expected: true },
    { kind: "more partitions wanted", item: { kind: "partitions_differ", topic: "t", expected: 6, found: 3 } as const, expected: true },
    { kind: "fewer partitions wanted", item: { kind: "partitions_differ", topic: "t", expected: 3, found: 6 } as const, expected: false },
    { kind: "replication_differs", item: { kind: "replication_differs", topic: "t", expected: 3, found: 1 } as const, expected: false },
    { kind: "unmanaged_topic", item: { kind: "unmanaged_topic", topic: "t" } as const, expected: false },
    { kind: "unmanaged_principal", item: { kind: "unmanaged_principal", principal: "User:x", acls: 1 } as const, expected: false },
  ])("returns $expected for $kind", ({ item, expected }) => {
    expect(isRepairable(item)).toBe(expected);
    expect(describeDrift(item).length).toBeGreaterThan(10);
  });
});
