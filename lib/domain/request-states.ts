export const REQUEST_STATES = [
  "draft",
  "submitted",
  "changes_requested",
  "approved",
  "rejected",
  "cancelled",
  "provisioning",
  "provisioned",
  "failed",
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const REQUEST_TYPES = ["new_topic", "topic_access", "access_revocation"] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  new_topic: "New topic",
  topic_access: "Read access to a topic",
  access_revocation: "Access revoked",
};

/**
 * Every allowed change of state. A change not listed here is rejected. An approval at a review
 * step that is not the last keeps the request `submitted` and moves it to the next step.
 */
const TRANSITIONS: Record<RequestState, readonly RequestState[]> = {
  draft: ["submitted", "cancelled"],
  submitted: ["changes_requested", "approved", "rejected", "cancelled"],
  changes_requested: ["submitted", "cancelled"],
  approved: ["provisioning"],
  rejected: [],
  cancelled: [],
  provisioning: ["provisioned", "failed"],
  provisioned: [],
  // An administrator's retry queues the job again.
  failed: ["approved"],
};

export function canTransition(from: RequestState, to: RequestState): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: RequestState): readonly RequestState[] {
  return TRANSITIONS[from];
}

export class TransitionError extends Error {
  constructor(
    readonly from: RequestState,
    readonly to: RequestState,
  ) {
    super(`A request that is ${from} cannot become ${to}.`);
    this.name = "TransitionError";
  }
}

export function assertTransition(from: RequestState, to: RequestState): void {
  if (!canTransition(from, to)) throw new TransitionError(from, to);
}

/** States in which the request still waits for a reviewer. */
export function isOpenForReview(state: RequestState): boolean {
  return state === "submitted";
}

/** States in which the requester may still edit the request. */
export function isEditable(state: RequestState): boolean {
  return state === "draft" || state === "changes_requested";
}

/** States before approval, in which the requester may still cancel. */
export function isCancellable(state: RequestState): boolean {
  return canTransition(state, "cancelled");
}
