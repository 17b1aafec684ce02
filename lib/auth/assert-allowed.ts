import { AppError } from "@/lib/errors";

import { authorize, type PolicyAction, type PolicyResource, type Principal } from "./policy";

/** Throws the portal's error for a refused action; returns the principal when it is allowed. */
export function assertAllowed<T extends Principal>(
  principal: T | null,
  action: PolicyAction,
  resource?: PolicyResource,
): T {
  const decision = authorize(principal, action, resource);
  if (!decision.allowed) throw new AppError(principal ? "forbidden" : "unauthenticated", decision.reason);
  return principal as T;
}
