import { describe, expect, it } from "vitest";

import { notificationRules, type Audience, type RequestEvent } from "@/lib/domain/notification-rules";

const SUBJECT = "Access to claims_contention_created for claims-notifier";

// One row per event kind and review step, with the audiences written out from the rule in
// notification-rules.ts.
const CASES: Array<{ name: string; event: RequestEvent; audiences: Audience[] }> = [
  { name: "submitted to owner", event: { kind: "submitted", firstStep: "owner" }, audiences: ["topic_owner_team"] },
  {
    name: "submitted to platform",
    event: { kind: "submitted", firstStep: "platform" },
    audiences: ["platform_admins"],
  },
  { name: "submitted without step", event: { kind: "submitted", firstStep: null }, audiences: [] },
  { name: "resubmitted to owner", event: { kind: "resubmitted", firstStep: "owner" }, audiences: ["topic_owner_team"] },
  {
    name: "resubmitted to platform",
    event: { kind: "resubmitted", firstStep: "platform" },
    audiences: ["platform_admins"],
  },
  { name: "resubmitted without step", event: { kind: "resubmitted", firstStep: null }, audiences: [] },
  {
    name: "owner step approved",
    event: { kind: "step_approved", step: "owner", nextStep: "platform" },
    audiences: ["requester_team", "platform_admins"],
  },
  {
    name: "platform step approved",
    event: { kind: "step_approved", step: "platform", nextStep: "owner" },
    audiences: ["requester_team", "topic_owner_team"],
  },
  { name: "approved", event: { kind: "approved" }, audiences: ["requester_team"] },
  { name: "rejected", event: { kind: "rejected" }, audiences: ["requester_team"] },
  { name: "changes requested", event: { kind: "changes_requested" }, audiences: ["requester_team"] },
  { name: "cancelled at owner", event: { kind: "cancelled", waitingStep: "owner" }, audiences: ["topic_owner_team"] },
  {
    name: "cancelled at platform",
    event: { kind: "cancelled", waitingStep: "platform" },
    audiences: ["platform_admins"],
  },
  { name: "cancelled without step", event: { kind: "cancelled", waitingStep: null }, audiences: [] },
  {
    name: "commented at owner",
    event: { kind: "commented", waitingStep: "owner" },
    audiences: ["requester_team", "topic_owner_team"],
  },
  {
    name: "commented at platform",
    event: { kind: "commented", waitingStep: "platform" },
    audiences: ["requester_team", "platform_admins"],
  },
  { name: "commented without step", event: { kind: "commented", waitingStep: null }, audiences: ["requester_team"] },
  { name: "provisioned", event: { kind: "provisioned" }, audiences: ["requester_team", "topic_owner_team"] },
  {
    name: "provisioning failed",
    event: { kind: "provisioning_failed" },
    audiences: ["requester_team", "platform_admins"],
  },
  { name: "revoked", event: { kind: "revoked" }, audiences: ["requester_team", "topic_owner_team"] },
];

const EVENT_KINDS: Array<RequestEvent["kind"]> = [
  "submitted",
  "resubmitted",
  "step_approved",
  "approved",
  "rejected",
  "changes_requested",
  "cancelled",
  "commented",
  "provisioned",
  "provisioning_failed",
  "revoked",
];

const MESSAGES = CASES.flatMap(({ name, event }) =>
  notificationRules(event, SUBJECT).map((rule) => ({ name, audience: rule.audience, message: rule.message })),
);

describe("notificationRules", () => {
  it.each(EVENT_KINDS)("table covers %s", (kind) => {
    expect(CASES.some((row) => row.event.kind === kind)).toBe(true);
  });

  it.each(CASES)("audiences for $name", ({ event, audiences }) => {
    expect(notificationRules(event, SUBJECT).map((rule) => rule.audience)).toEqual(audiences);
  });

  it.each(MESSAGES)("$name message to $audience names subject", ({ message }) => {
    expect(message).toContain(SUBJECT);
  });

  it.each(MESSAGES)("$name message to $audience is a sentence", ({ message }) => {
    expect(message).toMatch(/\.$/);
  });

  it("resubmission says resubmitted", () => {
    const [rule] = notificationRules({ kind: "resubmitted", firstStep: "platform" }, SUBJECT);
    expect(rule?.message).toContain("resubmitted");
  });

  it("first submission omits resubmitted", () => {
    const [rule] = notificationRules({ kind: "submitted", firstStep: "platform" }, SUBJECT);
    expect(rule?.message).not.toContain("resubmitted");
  });

  it("step approval names approving step", () => {
    const [rule] = notificationRules({ kind: "step_approved", step: "owner", nextStep: "platform" }, SUBJECT);
    expect(rule?.message).toContain("approved by the topic's owning team");
  });

  it("step approval names next step", () => {
    const [rule] = notificationRules({ kind: "step_approved", step: "owner", nextStep: "platform" }, SUBJECT);
    expect(rule?.message).toContain("now waits for a platform administrator");
  });

  it("failure tells admins to retry", () => {
    const rules = notificationRules({ kind: "provisioning_failed" }, SUBJECT);
    expect(rules.find((rule) => rule.audience === "platform_admins")?.message).toContain("retry");
  });

  it("comment reaches both with same message", () => {
    const rules = notificationRules({ kind: "commented", waitingStep: "owner" }, SUBJECT);
    expect(new Set(rules.map((rule) => rule.message)).size).toBe(1);
  });

  it.each(["", "a <b> & \"c\""])("subject %j kept verbatim", (subject) => {
    const [rule] = notificationRules({ kind: "approved" }, subject);
    expect(rule?.message).toBe(`${subject} was approved; provisioning has started.`);
  });
});
