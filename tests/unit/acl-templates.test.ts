import { describe, expect, it } from "vitest";

import {
  aclKey,
  aclsForGrant,
  assertLeastPrivilege,
  LeastPrivilegeError,
  leastPrivilegeViolations,
  principalFor,
  resourcePrefixFor,
  type AclBinding,
} from "@/lib/domain/acl-templates";

const TOPIC = "claims_contention_created";
const APPLICATION = "claims-notifier";

function binding(overrides: Partial<Record<keyof AclBinding, string>> = {}): AclBinding {
  return {
    principal: "User:claims-notifier",
    resourceType: "TOPIC",
    resourceName: TOPIC,
    patternType: "LITERAL",
    operation: "READ",
    permission: "ALLOW",
    host: "*",
    ...overrides,
  } as AclBinding;
}

describe("principalFor and resourcePrefixFor", () => {
  it("builds the Kafka user principal", () => {
    expect(principalFor(APPLICATION)).toBe("User:claims-notifier");
  });

  it("ends the prefix with a dot", () => {
    expect(resourcePrefixFor(APPLICATION)).toBe("claims-notifier.");
  });
});

describe("aclsForGrant", () => {
  it("builds plain producer bindings", () => {
    const acls = aclsForGrant({ application: APPLICATION, topic: TOPIC, role: "producer" });

    expect(acls).toEqual([
      binding({ operation: "WRITE" }),
      binding({ operation: "DESCRIBE" }),
    ]);
  });

  it("treats transactional false as plain", () => {
    const acls = aclsForGrant({
      application: APPLICATION,
      topic: TOPIC,
      role: "producer",
      transactional: false,
    });

    expect(acls).toEqual([
      binding({ operation: "WRITE" }),
      binding({ operation: "DESCRIBE" }),
    ]);
  });

  it("builds transactional producer bindings", () => {
    const acls = aclsForGrant({
      application: APPLICATION,
      topic: TOPIC,
      role: "producer",
      transactional: true,
    });

    expect(acls).toEqual([
      binding({ operation: "WRITE" }),
      binding({ operation: "DESCRIBE" }),
      binding({
        resourceType: "TRANSACTIONAL_ID",
        resourceName: "claims-notifier.",
        patternType: "PREFIXED",
        operation: "WRITE",
      }),
      binding({
        resourceType: "TRANSACTIONAL_ID",
        resourceName: "claims-notifier.",
        patternType: "PREFIXED",
        operation: "DESCRIBE",
      }),
    ]);
  });

  it("builds consumer bindings", () => {
    const acls = aclsForGrant({ application: APPLICATION, topic: TOPIC, role: "consumer" });

    expect(acls).toEqual([
      binding({ operation: "READ" }),
      binding({ operation: "DESCRIBE" }),
      binding({
        resourceType: "GROUP",
        resourceName: "claims-notifier.",
        patternType: "PREFIXED",
        operation: "READ",
      }),
    ]);
  });

  it("ignores transactional for consumers", () => {
    const transactional = aclsForGrant({
      application: APPLICATION,
      topic: TOPIC,
      role: "consumer",
      transactional: true,
    });
    const plain = aclsForGrant({ application: APPLICATION, topic: TOPIC, role: "consumer" });

    expect(transactional).toEqual(plain);
  });

  it.each([
    { role: "producer", transactional: false },
    { role: "producer", transactional: true },
    { role: "consumer", transactional: false },
  ] as const)("keeps $role bindings least-privilege", ({ role, transactional }) => {
    const acls = aclsForGrant({ application: APPLICATION, topic: TOPIC, role, transactional });

    for (const acl of acls) {
      expect(leastPrivilegeViolations(acl), aclKey(acl)).toEqual([]);
      expect(acl.principal, aclKey(acl)).not.toBe("User:*");
      expect(acl.resourceName, aclKey(acl)).not.toBe("*");
      expect(acl.permission, aclKey(acl)).toBe("ALLOW");
    }
  });

  it("rejects a wildcard topic", () => {
    expect(() => aclsForGrant({ application: APPLICATION, topic: "*", role: "consumer" })).toThrow(
      LeastPrivilegeError,
    );
  });
});

describe("leastPrivilegeViolations", () => {
  it("accepts a literal topic binding", () => {
    expect(leastPrivilegeViolations(binding())).toEqual([]);
  });

  it("accepts a dot-ended prefix", () => {
    const prefixed = binding({
      resourceType: "GROUP",
      resourceName: "claims-notifier.",
      patternType: "PREFIXED",
    });

    expect(leastPrivilegeViolations(prefixed)).toEqual([]);
  });

  it.each([
    { label: "wildcard resource name", bad: binding({ resourceName: "*" }), mention: "wildcard" },
    { label: "empty resource name", bad: binding({ resourceName: "" }), mention: "wildcard" },
    { label: "operation ALL", bad: binding({ operation: "ALL" as never }), mention: "ALL" },
    { label: "principal User:*", bad: binding({ principal: "User:*" }), mention: "User:*" },
    { label: "non-user principal", bad: binding({ principal: "Group:claims" }), mention: "Group:claims" },
    { label: "empty user name", bad: binding({ principal: "User:" }), mention: "User:" },
    { label: "DENY permission", bad: binding({ permission: "DENY" as never }), mention: "DENY" },
    {
      label: "prefix without dot",
      bad: binding({ resourceType: "GROUP", resourceName: "claims-notifier", patternType: "PREFIXED" }),
      mention: "name boundary",
    },
  ])("rejects $label", ({ bad, mention }) => {
    const violations = leastPrivilegeViolations(bad);

    expect(violations).toHaveLength(1);
    expect(violations[0]).toContain(mention);
  });

  it("lists every violation", () => {
    const bad = binding({
      principal: "User:*",
      resourceName: "*",
      patternType: "PREFIXED",
      operation: "ALL" as never,
      permission: "DENY" as never,
    });

    expect(leastPrivilegeViolations(bad)).toHaveLength(5);
  });
});

describe("assertLeastPrivilege", () => {
  it("passes a valid binding", () => {
    expect(() => assertLeastPrivilege(binding())).not.toThrow();
  });

  it.each([
    { label: "wildcard name", bad: binding({ resourceName: "*" }) },
    { label: "operation ALL", bad: binding({ operation: "ALL" as never }) },
    { label: "principal User:*", bad: binding({ principal: "User:*" }) },
    { label: "DENY permission", bad: binding({ permission: "DENY" as never }) },
    { label: "prefix without dot", bad: binding({ resourceName: "claims", patternType: "PREFIXED" }) },
  ])("throws for $label", ({ bad }) => {
    expect(() => assertLeastPrivilege(bad)).toThrow(LeastPrivilegeError);
  });

  it("names principal and violation", () => {
    expect(() => assertLeastPrivilege(binding({ operation: "ALL" as never }))).toThrow(
      "ACL for User:claims-notifier rejected: operation ALL is never granted",
    );
  });
});

describe("aclKey", () => {
  it("matches equal bindings", () => {
    expect(aclKey(binding())).toBe(aclKey(binding()));
  });

  it("joins fields in order", () => {
    expect(aclKey(binding())).toBe(`User:claims-notifier|TOPIC|LITERAL|${TOPIC}|READ|ALLOW|*`);
  });

  it.each([
    { field: "principal", value: "User:other-app" },
    { field: "resourceType", value: "GROUP" },
    { field: "resourceName", value: "appointments" },
    { field: "patternType", value: "PREFIXED" },
    { field: "operation", value: "WRITE" },
    { field: "permission", value: "DENY" },
    { field: "host", value: "10.0.0.1" },
  ] as const)("differs by $field", ({ field, value }) => {
    expect(aclKey(binding({ [field]: value }))).not.toBe(aclKey(binding()));
  });
});
