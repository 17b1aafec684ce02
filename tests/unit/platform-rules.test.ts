import { describe, expect, it } from "vitest";

import {
  APPLICATION_RULES,
  COMMENT_MAX_LENGTH,
  DESCRIPTION_MAX_LENGTH,
  MS_PER_DAY,
  TEAM_RULES,
  TOPIC_RULES,
} from "@/lib/domain/platform-rules";

describe("platform limits", () => {
  it.each([
    { label: "topic name minimum", actual: TOPIC_RULES.nameMinLength, expected: 3 },
    { label: "topic name maximum", actual: TOPIC_RULES.nameMaxLength, expected: 120 },
    { label: "default partitions", actual: TOPIC_RULES.defaultPartitions, expected: 3 },
    { label: "maximum partitions", actual: TOPIC_RULES.maxPartitions, expected: 48 },
    { label: "default retention days", actual: TOPIC_RULES.defaultRetentionDays, expected: 7 },
    { label: "maximum retention days", actual: TOPIC_RULES.maxRetentionDays, expected: 90 },
    { label: "application name minimum", actual: APPLICATION_RULES.nameMinLength, expected: 3 },
    { label: "application name maximum", actual: APPLICATION_RULES.nameMaxLength, expected: 64 },
    { label: "team name minimum", actual: TEAM_RULES.nameMinLength, expected: 3 },
    { label: "team name maximum", actual: TEAM_RULES.nameMaxLength, expected: 80 },
    { label: "description maximum", actual: DESCRIPTION_MAX_LENGTH, expected: 2000 },
    { label: "comment maximum", actual: COMMENT_MAX_LENGTH, expected: 2000 },
    { label: "milliseconds per day", actual: MS_PER_DAY, expected: 86_400_000 },
  ])("sets $label to $expected", ({ actual, expected }) => {
    expect(actual).toBe(expected);
  });

  it("keeps default retention in range", () => {
    expect(TOPIC_RULES.defaultRetentionDays).toBeLessThanOrEqual(TOPIC_RULES.maxRetentionDays);
  });
});
