import "server-only";

import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ResourcePatternTypes,
  type AclEntry,
  type Admin,
} from "kafkajs";

import { aclKey, type AclBinding } from "@/lib/domain/acl-templates";

/**
 * kafkajs exports its enums as plain objects, without TypeScript's reverse mapping from number
 * to name, so the names are looked up here.
 */
function nameOf(values: Record<string, string | number>, code: number): string {
  const entry = Object.entries(values).find(([, value]) => value === code);
  return entry ? entry[0] : `UNKNOWN(${code})`;
}

function toKafkajs(binding: AclBinding): AclEntry {
  return {
    principal: binding.principal,
    host: binding.host,
    resourceType: AclResourceTypes[binding.resourceType],
    resourceName: binding.resourceName,
    resourcePatternType: ResourcePatternTypes[binding.patternType],
    operation: AclOperationTypes[binding.operation],
    permissionType: AclPermissionTypes[binding.permission],
  };
}

/**
 * Lists the ACLs on the cluster for one principal, or for all principals without one, in the
 * portal's vocabulary. Operations and
 * permissions the portal never grants (ALL, DENY…) are returned under their Kafka names, so
 * callers can see and report them.
 */
export async function describeAclsOf(admin: Admin, principal?: string): Promise<AclBinding[]> {
  const response = await admin.describeAcls({
    resourceType: AclResourceTypes.ANY,
    resourcePatternType: ResourcePatternTypes.ANY,
    ...(principal ? { principal } : {}),
    operation: AclOperationTypes.ANY,
    permissionType: AclPermissionTypes.ANY,
  });
  return response.resources.flatMap((resource) =>
    resource.acls.map(
      (acl) =>
        ({
          principal: acl.principal,
          host: acl.host,
          resourceType: nameOf(AclResourceTypes, resource.resourceType),
          resourceName: resource.resourceName,
          patternType: nameOf(ResourcePatternTypes, resource.resourcePatternType),
          operation: nameOf(AclOperationTypes, acl.operation),
          permission: nameOf(AclPermissionTypes, acl.permissionType),
        }) as AclBinding,
    ),
  );
}

/** Creates the bindings that are not on the cluster yet and returns the ones it created. */
export async function createMissingAcls(admin: Admin, bindings: AclBinding[]): Promise<AclBinding[]> {
  const principals = [...new Set(bindings.map((binding) => binding.principal))];
  const existing = new Set<string>();
  for (const principal of principals) {
    for (const binding of await describeAclsOf(admin, principal)) existing.add(aclKey(binding));
  }

  const missing = bindings.filter((binding) => !existing.has(aclKey(binding)));
  if (missing.length > 0) await admin.createAcls({ acl: missing.map(toKafkajs) });
  return missing;
}

/** Deletes exactly these bindings; a filter with no ANY field matches one binding at most. */
export async function deleteAcls(admin: Admin, bindings: AclBinding[]): Promise<void> {
  if (bindings.length === 0) return;
  await admin.deleteAcls({ filters: bindings.map(toKafkajs) });
}
