export const REQUEST_STATES = [
  "submitted",
  "approved",
  "rejected",
  "provisioning",
  "provisioned",
  "failed",
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const REQUEST_TYPES = ["new_topic", "topic_access"] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  new_topic: "New topic",
  topic_access: "Read access to a topic",
};

/** Every allowed change of state. A change not listed here is rejected. */
const TRANSITIONS: Record<RequestState, readonly RequestState[]> = {
  submitted: ["approved", "rejected"],
  approved: ["provisioning"],
  rejected: [],
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
