/** Kafka ACL vocabulary, spelled as Kafka's own tools print it. */
export type AclResourceType = "TOPIC" | "GROUP" | "TRANSACTIONAL_ID";
export type AclPatternType = "LITERAL" | "PREFIXED";
export type AclOperation = "READ" | "WRITE" | "DESCRIBE";
export type AclPermission = "ALLOW";

export interface AclBinding {
  principal: string;
  resourceType: AclResourceType;
  resourceName: string;
  patternType: AclPatternType;
  operation: AclOperation;
  permission: AclPermission;
  host: string;
}

export type GrantRole = "producer" | "consumer";

export interface GrantTemplateInput {
  /** Application name, which is also its Kafka user name. */
  application: string;
  topic: string;
  role: GrantRole;
  /** Transactional producers also need their transactional ids; ignored for consumers. */
  transactional?: boolean;
}

export function principalFor(application: string): string {
  return `User:${application}`;
}

/** The prefix every consumer group and transactional id of an application must start with. */
export function resourcePrefixFor(application: string): string {
  return `${application}.`;
}

function allow(
  application: string,
  resourceType: AclResourceType,
  resourceName: string,
  patternType: AclPatternType,
  operation: AclOperation,
): AclBinding {
  return {
    principal: principalFor(application),
    resourceType,
    resourceName,
    patternType,
    operation,
    permission: "ALLOW",
    host: "*",
  };
}

/**
 * Builds the least-privilege ACLs for one grant:
 * - producer: WRITE and DESCRIBE on the topic, plus WRITE and DESCRIBE on transactional ids
 *   prefixed `<application>.` when the producer is transactional;
 * - consumer: READ and DESCRIBE on the topic, plus READ on consumer groups prefixed
 *   `<application>.`.
 */
export function aclsForGrant(input: GrantTemplateInput): AclBinding[] {
  const { application, topic, role } = input;
  const prefix = resourcePrefixFor(application);

  const bindings =
    role === "producer"
      ? [
          allow(application, "TOPIC", topic, "LITERAL", "WRITE"),
          allow(application, "TOPIC", topic, "LITERAL", "DESCRIBE"),
          ...(input.transactional
            ? [
                allow(application, "TRANSACTIONAL_ID", prefix, "PREFIXED", "WRITE"),
                allow(application, "TRANSACTIONAL_ID", prefix, "PREFIXED", "DESCRIBE"),
              ]
            : []),
        ]
      : [
          allow(application, "TOPIC", topic, "LITERAL", "READ"),
          allow(application, "TOPIC", topic, "LITERAL", "DESCRIBE"),
          allow(application, "GROUP", prefix, "PREFIXED", "READ"),
        ];

  for (const binding of bindings) assertLeastPrivilege(binding);
  return bindings;
}

/** Lists why a binding is broader than the platform allows; empty when it is acceptable. */
export function leastPrivilegeViolations(binding: AclBinding): string[] {
  const violations: string[] = [];
  const operation: string = binding.operation;
  const permission: string = binding.permission;

  if (!/^User:[a-z0-9][a-z0-9-]*$/.test(binding.principal)) {
    violations.push(`principal ${binding.principal} is not a single application user`);
  }
  if (binding.resourceName === "*" || binding.resourceName.length === 0) {
    violations.push(`resource name "${binding.resourceName}" is a wildcard`);
  }
  if (binding.patternType === "PREFIXED" && !binding.resourceName.endsWith(".")) {
    violations.push(`prefix "${binding.resourceName}" does not end at a name boundary (".")`);
  }
  if (operation === "ALL") violations.push("operation ALL is never granted");
  if (permission !== "ALLOW") violations.push(`permission ${permission} is not managed by Onramp`);
  return violations;
}

export class LeastPrivilegeError extends Error {
  constructor(binding: AclBinding, violations: string[]) {
    super(`ACL for ${binding.principal} rejected: ${violations.join("; ")}`);
    this.name = "LeastPrivilegeError";
  }
}

export function assertLeastPrivilege(binding: AclBinding): void {
  const violations = leastPrivilegeViolations(binding);
  if (violations.length > 0) throw new LeastPrivilegeError(binding, violations);
}

/** Builds a stable text key of a binding, to compare what the portal records with the cluster. */
export function aclKey(binding: AclBinding): string {
  return [
    binding.principal,
    binding.resourceType,
    binding.patternType,
    binding.resourceName,
    binding.operation,
    binding.permission,
    binding.host,
  ].join("|");
}
