import { describe, expect, it } from "vitest";

import { hasAttemptsLeft, PROVISIONING_STEPS, retryDelayMs, type RetryPolicy } from "@/lib/domain/provisioning";

const POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 8_000 };

describe("retryDelayMs", () => {
  it.each([
    { attempt: 1, ceiling: 1_000 },
    { attempt: 2, ceiling: 2_000 },
    { attempt: 3, ceiling: 4_000 },
    { attempt: 4, ceiling: 8_000 },
    { attempt: 9, ceiling: 8_000 },
  ])("stays within half to all of the ceiling at attempt $attempt", ({ attempt, ceiling }) => {
    expect(retryDelayMs(attempt, POLICY, () => 0)).toBe(ceiling / 2);
    expect(retryDelayMs(attempt, POLICY, () => 0.999_999)).toBe(ceiling);
  });

  it("spreads delays with jitter", () => {
    const delays = new Set([0.1, 0.4, 0.7].map((value) => retryDelayMs(3, POLICY, () => value)));

    expect(delays.size).toBe(3);
  });

  it("treats attempt zero as the first", () => {
    expect(retryDelayMs(0, POLICY, () => 0)).toBe(500);
  });
});

describe("hasAttemptsLeft", () => {
  it("allows attempts below the maximum", () => {
    expect(hasAttemptsLeft(4, POLICY)).toBe(true);
  });

  it("stops at the maximum", () => {
    expect(hasAttemptsLeft(5, POLICY)).toBe(false);
  });
});

describe("PROVISIONING_STEPS", () => {
  it("runs in the documented order", () => {
    expect(PROVISIONING_STEPS).toEqual(["topic", "topic_configs", "acls", "scram_user", "record"]);
  });
});
