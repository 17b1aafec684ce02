import { describe, expect, it } from "vitest";

import { REQUEST_TYPES, type RequestType } from "@/lib/domain/request-states";
import {
  nextReviewStep,
  REVIEW_STEP_LABELS,
  REVIEW_STEPS,
  reviewStepsFor,
  type ReviewStep,
} from "@/lib/domain/review-steps";

describe("REVIEW_STEPS", () => {
  it("covers every request type", () => {
    expect(Object.keys(REVIEW_STEPS).sort()).toEqual([...REQUEST_TYPES].sort());
  });

  it.each<{ type: RequestType; steps: ReviewStep[] }>([
    { type: "new_topic", steps: ["platform"] },
    { type: "topic_access", steps: ["owner", "platform"] },
    { type: "access_revocation", steps: [] },
  ])("steps for $type", ({ type, steps }) => {
    expect(REVIEW_STEPS[type]).toEqual(steps);
  });
});

describe("REVIEW_STEP_LABELS", () => {
  it.each<{ step: ReviewStep; label: string }>([
    { step: "owner", label: "the topic's owning team" },
    { step: "platform", label: "a platform administrator" },
  ])("label for $step", ({ step, label }) => {
    expect(REVIEW_STEP_LABELS[step]).toBe(label);
  });
});

describe("reviewStepsFor", () => {
  it.each<{ type: RequestType; requesterOwnsTopic: boolean; steps: ReviewStep[] }>([
    { type: "new_topic", requesterOwnsTopic: false, steps: ["platform"] },
    { type: "new_topic", requesterOwnsTopic: true, steps: ["platform"] },
    { type: "topic_access", requesterOwnsTopic: false, steps: ["owner", "platform"] },
    { type: "topic_access", requesterOwnsTopic: true, steps: ["platform"] },
    { type: "access_revocation", requesterOwnsTopic: false, steps: [] },
    { type: "access_revocation", requesterOwnsTopic: true, steps: [] },
  ])("$type, requester owns topic: $requesterOwnsTopic", ({ type, requesterOwnsTopic, steps }) => {
    expect(reviewStepsFor(type, { requesterOwnsTopic })).toEqual(steps);
  });

  it("returns a copy of the table", () => {
    const steps = reviewStepsFor("topic_access", { requesterOwnsTopic: false });
    steps.pop();
    expect(REVIEW_STEPS.topic_access).toEqual(["owner", "platform"]);
  });
});

describe("nextReviewStep", () => {
  it.each<{ steps: ReviewStep[]; current: ReviewStep; next: ReviewStep | null }>([
    { steps: ["owner", "platform"], current: "owner", next: "platform" },
    { steps: ["owner", "platform"], current: "platform", next: null },
    { steps: ["platform"], current: "platform", next: null },
    { steps: ["owner"], current: "owner", next: null },
  ])("after $current in $steps", ({ steps, current, next }) => {
    expect(nextReviewStep(steps, current)).toBe(next);
  });

  it("unknown step throws", () => {
    expect(() => nextReviewStep(["platform"], "owner")).toThrow("Review step owner is not one of platform");
  });

  it("empty step list throws", () => {
    expect(() => nextReviewStep([], "platform")).toThrow("Review step platform");
  });

  it.each<{ type: RequestType; requesterOwnsTopic: boolean }>([
    { type: "new_topic", requesterOwnsTopic: false },
    { type: "topic_access", requesterOwnsTopic: false },
    { type: "topic_access", requesterOwnsTopic: true },
  ])("walks $type to the end", ({ type, requesterOwnsTopic }) => {
    const steps = reviewStepsFor(type, { requesterOwnsTopic });
    const visited: ReviewStep[] = [];
    let step: ReviewStep | null = steps[0] ?? null;
    while (step !== null) {
      visited.push(step);
      step = nextReviewStep(steps, step);
    }
    expect(visited).toEqual(steps);
  });
});
