import type { RequestType } from "./request-states";

/** Who reviews at a step: the team that owns the topic, or a platform administrator. */
export type ReviewStep = "owner" | "platform";

export const REVIEW_STEP_LABELS: Record<ReviewStep, string> = {
  owner: "the topic's owning team",
  platform: "a platform administrator",
};

/**
 * The review steps each request type needs, in order. This is the one place to change them.
 * Revocations need none: the topic owner or administrator who revokes is the decision.
 */
export const REVIEW_STEPS: Record<RequestType, readonly ReviewStep[]> = {
  new_topic: ["platform"],
  topic_access: ["owner", "platform"],
  access_revocation: [],
};

/**
 * The steps one request needs. When the requesting team owns the topic, its own approval is
 * implied by asking, and nobody may approve their own team's request, so the owner step is left
 * out.
 */
export function reviewStepsFor(type: RequestType, context: { requesterOwnsTopic: boolean }): ReviewStep[] {
  return REVIEW_STEPS[type].filter((step) => !(step === "owner" && context.requesterOwnsTopic));
}

/** The step after `current`, or null when `current` was the last one. */
export function nextReviewStep(steps: readonly ReviewStep[], current: ReviewStep): ReviewStep | null {
  const index = steps.indexOf(current);
  if (index < 0) throw new Error(`Review step ${current} is not one of ${steps.join(", ")}`);
  return steps[index + 1] ?? null;
}
