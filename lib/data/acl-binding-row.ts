import type { aclBindings } from "@/db/schema";
import type { AclBinding } from "@/lib/domain/acl-templates";

/** Converts a stored ACL binding row to the portal's binding type. */
export function bindingOf(row: typeof aclBindings.$inferSelect): AclBinding {
  return {
    principal: row.principal,
    resourceType: row.resourceType as AclBinding["resourceType"],
    resourceName: row.resourceName,
    patternType: row.patternType as AclBinding["patternType"],
    operation: row.operation as AclBinding["operation"],
    permission: row.permission as AclBinding["permission"],
    host: row.host,
  };
}
