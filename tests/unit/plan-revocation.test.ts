import { describe, expect, it } from "vitest";

import { aclKey, aclsForGrant, type AclBinding, type GrantRole } from "@/lib/domain/acl-templates";
import { planRevocation, type ClusterPlan } from "@/lib/domain/cluster-plan";

const APP = "claims-notifier";
const TOPIC = "claims_contention_created";
const OTHER_TOPIC = "claims_contention_closed";

function keysOf(bindings: AclBinding[]): string[] {
  return bindings.map(aclKey).sort();
}

/** Builds the aclKey of one ALLOW binding of APP on any host. */
function key(resourceType: string, patternType: string, resourceName: string, operation: string): string {
  return `User:${APP}|${resourceType}|${patternType}|${resourceName}|${operation}|ALLOW|*`;
}

const TOPIC_WRITE = key("TOPIC", "LITERAL", TOPIC, "WRITE");
const TOPIC_READ = key("TOPIC", "LITERAL", TOPIC, "READ");
const TOPIC_DESCRIBE = key("TOPIC", "LITERAL", TOPIC, "DESCRIBE");
const GROUP_READ = key("GROUP", "PREFIXED", `${APP}.`, "READ");
const TRANSACTIONAL_WRITE = key("TRANSACTIONAL_ID", "PREFIXED", `${APP}.`, "WRITE");
const TRANSACTIONAL_DESCRIBE = key("TRANSACTIONAL_ID", "PREFIXED", `${APP}.`, "DESCRIBE");

function grant(role: GrantRole, topic = TOPIC, transactional = false, application = APP): AclBinding[] {
  return aclsForGrant({ application, topic, role, transactional });
}

/** Plans revoking APP's grant on TOPIC. */
function revoke(role: GrantRole, transactional: boolean, stillNeeded: AclBinding[]): ClusterPlan {
  return planRevocation({ application: APP, topic: TOPIC, role, transactional, stillNeeded });
}

describe("planRevocation", () => {
  it.each<{ name: string; role: GrantRole; transactional: boolean; removed: string[] }>([
    { name: "consumer", role: "consumer", transactional: false, removed: [TOPIC_READ, TOPIC_DESCRIBE, GROUP_READ] },
    {
      name: "consumer, transactional flag",
      role: "consumer",
      transactional: true,
      removed: [TOPIC_READ, TOPIC_DESCRIBE, GROUP_READ],
    },
    { name: "producer", role: "producer", transactional: false, removed: [TOPIC_WRITE, TOPIC_DESCRIBE] },
    {
      name: "transactional producer",
      role: "producer",
      transactional: true,
      removed: [TOPIC_WRITE, TOPIC_DESCRIBE, TRANSACTIONAL_WRITE, TRANSACTIONAL_DESCRIBE],
    },
  ])("removes whole $name grant", ({ role, transactional, removed }) => {
    const plan = revoke(role, transactional, []);
    expect(keysOf(plan.aclsToRemove)).toEqual([...removed].sort());
  });

  it("removes the template bindings", () => {
    const plan = revoke("producer", true, []);
    expect(plan.aclsToRemove).toEqual(grant("producer", TOPIC, true));
  });

  it.each<{ name: string; role: GrantRole; transactional: boolean; stillNeeded: AclBinding[]; removed: string[] }>([
    {
      name: "consumer, still produces topic",
      role: "consumer",
      transactional: false,
      stillNeeded: grant("producer"),
      removed: [TOPIC_READ, GROUP_READ],
    },
    {
      name: "producer, still consumes topic",
      role: "producer",
      transactional: false,
      stillNeeded: grant("consumer"),
      removed: [TOPIC_WRITE],
    },
    {
      name: "transactional producer, still consumes",
      role: "producer",
      transactional: true,
      stillNeeded: grant("consumer"),
      removed: [TOPIC_WRITE, TRANSACTIONAL_WRITE, TRANSACTIONAL_DESCRIBE],
    },
    {
      name: "consumer, consumes other topic",
      role: "consumer",
      transactional: false,
      stillNeeded: grant("consumer", OTHER_TOPIC),
      removed: [TOPIC_READ, TOPIC_DESCRIBE],
    },
    {
      name: "transactional producer, produces other topic",
      role: "producer",
      transactional: true,
      stillNeeded: grant("producer", OTHER_TOPIC, true),
      removed: [TOPIC_WRITE, TOPIC_DESCRIBE],
    },
    {
      name: "producer, plain producer elsewhere",
      role: "producer",
      transactional: true,
      stillNeeded: grant("producer", OTHER_TOPIC, false),
      removed: [TOPIC_WRITE, TOPIC_DESCRIBE, TRANSACTIONAL_WRITE, TRANSACTIONAL_DESCRIBE],
    },
    {
      name: "consumer, other app on topic",
      role: "consumer",
      transactional: false,
      stillNeeded: [
        ...grant("consumer", TOPIC, false, "claims-auditor"),
        ...grant("producer", TOPIC, false, "claims-api"),
      ],
      removed: [TOPIC_READ, TOPIC_DESCRIBE, GROUP_READ],
    },
    {
      name: "consumer, duplicate live grant",
      role: "consumer",
      transactional: false,
      stillNeeded: grant("consumer"),
      removed: [],
    },
  ])("keeps shared bindings: $name", ({ role, transactional, stillNeeded, removed }) => {
    const plan = revoke(role, transactional, stillNeeded);
    expect(keysOf(plan.aclsToRemove)).toEqual([...removed].sort());
  });

  it("matches still-needed by value", () => {
    const stillNeeded = grant("producer").map((binding) => ({ ...binding }));
    const plan = revoke("consumer", false, stillNeeded);
    expect(keysOf(plan.aclsToRemove)).not.toContain(TOPIC_DESCRIBE);
  });

  it("host must match to keep", () => {
    const stillNeeded = grant("producer").map((binding) => ({ ...binding, host: "10.0.0.1" }));
    const plan = revoke("consumer", false, stillNeeded);
    expect(keysOf(plan.aclsToRemove)).toContain(TOPIC_DESCRIBE);
  });

  it.each<{ name: string; role: GrantRole; transactional: boolean; stillNeeded: AclBinding[] }>([
    { name: "consumer", role: "consumer", transactional: false, stillNeeded: [] },
    { name: "transactional producer", role: "producer", transactional: true, stillNeeded: [] },
    { name: "with shared bindings", role: "consumer", transactional: false, stillNeeded: grant("producer") },
    {
      name: "with unrelated bindings",
      role: "producer",
      transactional: false,
      stillNeeded: [...grant("consumer", OTHER_TOPIC), ...grant("producer", OTHER_TOPIC, true)],
    },
  ])("plan shape for $name", ({ role, transactional, stillNeeded }) => {
    const plan = revoke(role, transactional, stillNeeded);
    expect({ topic: plan.topic, acls: plan.acls, scramUser: plan.scramUser, createUser: plan.createUser }).toEqual({
      topic: null,
      acls: [],
      scramUser: APP,
      createUser: false,
    });
  });

  it("never removes unrelated bindings", () => {
    const stillNeeded = [...grant("consumer", OTHER_TOPIC), ...grant("producer", OTHER_TOPIC, true)];
    const plan = revoke("producer", false, stillNeeded);
    const granted = new Set(keysOf(grant("producer")));
    expect(keysOf(plan.aclsToRemove).every((removed) => granted.has(removed))).toBe(true);
  });

  it("never adds bindings", () => {
    const plan = revoke("consumer", false, grant("producer"));
    expect(plan.acls).toHaveLength(0);
  });

  it("leaves stillNeeded untouched", () => {
    const stillNeeded = grant("producer");
    const copy = structuredClone(stillNeeded);
    revoke("consumer", false, stillNeeded);
    expect(stillNeeded).toEqual(copy);
  });
});
