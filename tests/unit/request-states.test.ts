import { describe, expect, it } from "vitest";

import {
  allowedTransitions,
  assertTransition,
  canTransition,
  isOpenForReview,
  REQUEST_STATES,
  TransitionError,
  type RequestState,
} from "@/lib/domain/request-states";

// The lifecycle written out independently of the table in request-states.ts.
const ALLOWED: ReadonlyArray<readonly [RequestState, RequestState]> = [
  ["draft", "submitted"],
  ["draft", "cancelled"],
  ["submitted", "changes_requested"],
  ["submitted", "approved"],
  ["submitted", "rejected"],
  ["submitted", "cancelled"],
  ["changes_requested", "submitted"],
  ["changes_requested", "cancelled"],
  ["approved", "provisioning"],
  ["provisioning", "provisioned"],
  ["provisioning", "failed"],
  ["failed", "approved"],
];

const ALL_PAIRS = REQUEST_STATES.flatMap((from) => REQUEST_STATES.map((to) => [from, to] as const));

const REJECTED = ALL_PAIRS.filter(
  ([from, to]) => !ALLOWED.some(([allowedFrom, allowedTo]) => allowedFrom === from && allowedTo === to),
);

describe("REQUEST_STATES", () => {
  it("lists the nine states", () => {
    expect(REQUEST_STATES).toEqual([
      "draft",
      "submitted",
      "changes_requested",
      "approved",
      "rejected",
      "cancelled",
      "provisioning",
      "provisioned",
      "failed",
    ]);
  });

  it("leaves sixty-nine rejected pairs", () => {
    expect(REJECTED).toHaveLength(81 - 12);
  });
});

describe("canTransition", () => {
  it.each(ALLOWED)("allows %s to %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each(REJECTED)("rejects %s to %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });
});

describe("assertTransition", () => {
  it.each(ALLOWED)("passes %s to %s", (from, to) => {
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(REJECTED)("throws for %s to %s", (from, to) => {
    expect(() => assertTransition(from, to)).toThrow(TransitionError);
  });

  it("reports both states", () => {
    let caught: unknown;
    try {
      assertTransition("provisioned", "submitted");
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(TransitionError);
    const error = caught as TransitionError;
    expect(error.from).toBe("provisioned");
    expect(error.to).toBe("submitted");
    expect(error.message).toBe("A request that is provisioned cannot become submitted.");
    expect(error.name).toBe("TransitionError");
  });
});

describe("allowedTransitions", () => {
  it.each(REQUEST_STATES)("matches the lifecycle from %s", (from) => {
    const expected = ALLOWED.filter(([allowedFrom]) => allowedFrom === from).map(([, to]) => to);

    expect(allowedTransitions(from)).toEqual(expected);
  });

  it.each(["rejected", "cancelled", "provisioned"] as const)("ends at %s", (state) => {
    expect(allowedTransitions(state)).toEqual([]);
  });
});

describe("isOpenForReview", () => {
  it.each(REQUEST_STATES)("checks %s", (state) => {
    expect(isOpenForReview(state)).toBe(state === "submitted");
  });
});
