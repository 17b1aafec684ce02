import { describe, expect, it } from "vitest";
import { z } from "zod";

import {
  CreateTeamSchema,
  fieldErrorsOf,
  ProposeTopicSchema,
  RegisterApplicationSchema,
  RequestAccessSchema,
  RevealCredentialSchema,
  ReviewSchema,
  type FieldErrors,
} from "@/lib/domain/schemas";

const TEAM_ID = "3f1c2b9a-6d4e-4f8a-9b2c-1d2e3f4a5b6c";
const DOMAIN_ID = "8a6e0b1c-2d3f-4a5b-8c7d-9e0f1a2b3c4d";
const APPLICATION_ID = "c0ffee00-1234-4abc-9def-0123456789ab";
const REQUEST_ID = "5b2e7c9d-0a1b-4c3d-a4e5-f6a7b8c9d0e1";

// NOTE: the blank-field cases fail against the current code, because Zod 4 runs every check of a
// string. A blank required field gets its "Enter …" or "Choose …" message and also the
// minimum-length or uuid message, such as "Write at least 1 characters for a description.".

/** Parses input that must be invalid and returns its messages by field. */
function errorsOf(schema: z.ZodType, input: unknown): FieldErrors {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected invalid input, but it parsed: ${JSON.stringify(input)}`);
  return fieldErrorsOf(result.error);
}

describe("ProposeTopicSchema", () => {
  const valid = {
    domainId: DOMAIN_ID,
    name: "claims_contention_created",
    description: "A contention was added to a disability claim.",
    partitions: "3",
    retentionDays: "7",
    classification: "personal",
    producerApplicationId: APPLICATION_ID,
  };

  it("parses and coerces valid input", () => {
    expect(ProposeTopicSchema.parse(valid)).toEqual({ ...valid, partitions: 3, retentionDays: 7, intent: "submit" });
  });

  it("trims the topic name", () => {
    expect(ProposeTopicSchema.parse({ ...valid, name: "  appointments " }).name).toBe("appointments");
  });

  it("trims number strings", () => {
    expect(ProposeTopicSchema.parse({ ...valid, partitions: " 12 " }).partitions).toBe(12);
  });

  it("accepts numbers as numbers", () => {
    expect(ProposeTopicSchema.parse({ ...valid, retentionDays: 30 }).retentionDays).toBe(30);
  });

  it.each(["1", "48"])("accepts %s partitions", (partitions) => {
    expect(ProposeTopicSchema.parse({ ...valid, partitions }).partitions).toBe(Number(partitions));
  });

  it.each(["1", "90"])("accepts %s retention days", (retentionDays) => {
    expect(ProposeTopicSchema.parse({ ...valid, retentionDays }).retentionDays).toBe(Number(retentionDays));
  });

  it.each([
    { partitions: "", message: "Enter partitions as a whole number from 1 to 48." },
    { partitions: "   ", message: "Enter partitions as a whole number from 1 to 48." },
    { partitions: "0", message: "Use at least 1 for partitions." },
    { partitions: "-1", message: "Use at least 1 for partitions." },
    { partitions: "49", message: "Use at most 48 for partitions; the platform maximum is 48." },
    { partitions: "3.5", message: "Enter partitions as a whole number from 1 to 48." },
    { partitions: "abc", message: "Enter partitions as a whole number from 1 to 48." },
  ])("rejects partitions $partitions", ({ partitions, message }) => {
    const errors = errorsOf(ProposeTopicSchema, { ...valid, partitions });

    expect(Object.keys(errors)).toEqual(["partitions"]);
    expect(errors.partitions).toEqual([message]);
  });

  it.each([
    { retentionDays: "", message: "Enter retention in days as a whole number from 1 to 90." },
    { retentionDays: "0", message: "Use at least 1 for retention in days." },
    { retentionDays: "-1", message: "Use at least 1 for retention in days." },
    { retentionDays: "91", message: "Use at most 90 for retention in days; the platform maximum is 90." },
    { retentionDays: "3.5", message: "Enter retention in days as a whole number from 1 to 90." },
    { retentionDays: "abc", message: "Enter retention in days as a whole number from 1 to 90." },
  ])("rejects retention $retentionDays", ({ retentionDays, message }) => {
    const errors = errorsOf(ProposeTopicSchema, { ...valid, retentionDays });

    expect(Object.keys(errors)).toEqual(["retentionDays"]);
    expect(errors.retentionDays).toEqual([message]);
  });

  it.each([
    { field: "domainId", message: "Choose a domain." },
    { field: "name", message: "Enter a name." },
    { field: "description", message: "Enter a description." },
    { field: "partitions", message: "Enter partitions as a whole number from 1 to 48." },
    { field: "retentionDays", message: "Enter retention in days as a whole number from 1 to 90." },
    { field: "classification", message: "Choose whether the topic carries personal or health data." },
    { field: "producerApplicationId", message: "Choose the producing application." },
  ])("requires $field", ({ field, message }) => {
    const input: Record<string, unknown> = { ...valid };
    delete input[field];
    const errors = errorsOf(ProposeTopicSchema, input);

    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toEqual([message]);
  });

  it.each([
    { name: "", mention: "Enter a topic name" },
    { name: "   ", mention: "Enter a topic name" },
    { name: "Decision-Letter", mention: '"D"' },
    { name: "appointments_prod", mention: 'Remove the environment "prod"' },
    { name: "consumer_offsets", mention: "__consumer_offsets" },
  ])("rejects topic name $name", ({ name, mention }) => {
    const errors = errorsOf(ProposeTopicSchema, { ...valid, name });

    expect(Object.keys(errors)).toEqual(["name"]);
    expect(errors.name?.[0]).toContain(mention);
  });

  it("rejects short description", () => {
    const errors = errorsOf(ProposeTopicSchema, { ...valid, description: "  Claims  " });

    expect(errors.description).toEqual(["Write at least 10 characters for a description."]);
  });

  it("rejects whitespace description", () => {
    const errors = errorsOf(ProposeTopicSchema, { ...valid, description: "   " });

    expect(errors.description).toEqual(["Enter a description."]);
  });

  it("rejects 2001-character description", () => {
    const errors = errorsOf(ProposeTopicSchema, { ...valid, description: "x".repeat(2001) });

    expect(errors.description).toEqual(["Shorten a description to 2000 characters or fewer."]);
  });

  it("accepts 2000-character description", () => {
    expect(ProposeTopicSchema.safeParse({ ...valid, description: "x".repeat(2000) }).success).toBe(true);
  });

  it("rejects unknown classification", () => {
    const errors = errorsOf(ProposeTopicSchema, { ...valid, classification: "secret" });

    expect(errors.classification).toEqual(["Choose whether the topic carries personal or health data."]);
  });

  it.each([
    { field: "domainId", message: "Choose a domain from the list." },
    { field: "producerApplicationId", message: "Choose the producing application from the list." },
  ])("rejects non-uuid $field", ({ field, message }) => {
    const errors = errorsOf(ProposeTopicSchema, { ...valid, [field]: "claims-notifier" });

    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toEqual([message]);
  });
});

describe("RegisterApplicationSchema", () => {
  const valid = {
    teamId: TEAM_ID,
    name: "claims-notifier",
    kind: "producer",
    description: "Sends notifications when a claim changes.",
  };

  it("parses valid input", () => {
    expect(RegisterApplicationSchema.parse(valid)).toEqual({ ...valid, transactional: false });
  });

  it.each([
    { value: "on", transactional: true },
    { value: true, transactional: true },
    { value: "off", transactional: false },
    { value: "true", transactional: false },
    { value: undefined, transactional: false },
  ])("reads transactional $value", ({ value, transactional }) => {
    const parsed = RegisterApplicationSchema.parse({ ...valid, transactional: value });

    expect(parsed.transactional).toBe(transactional);
  });

  it.each([
    { field: "teamId", message: "Choose a team." },
    { field: "name", message: "Enter a name." },
    { field: "kind", message: "Choose whether the application produces, consumes or both." },
    { field: "description", message: "Enter a description." },
  ])("requires $field", ({ field, message }) => {
    const input: Record<string, unknown> = { ...valid };
    delete input[field];
    const errors = errorsOf(RegisterApplicationSchema, input);

    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toEqual([message]);
  });

  it.each([
    { label: "blank teamId", field: "teamId", value: "   ", message: "Choose a team." },
    { label: "non-uuid teamId", field: "teamId", value: "benefits", message: "Choose a team from the list." },
    {
      label: "unknown kind",
      field: "kind",
      value: "admin",
      message: "Choose whether the application produces, consumes or both.",
    },
    { label: "blank description", field: "description", value: "  ", message: "Enter a description." },
    {
      label: "long description",
      field: "description",
      value: "x".repeat(2001),
      message: "Shorten a description to 2000 characters or fewer.",
    },
  ])("rejects $label", ({ field, value, message }) => {
    const errors = errorsOf(RegisterApplicationSchema, { ...valid, [field]: value });

    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toEqual([message]);
  });

  it.each([
    { name: "", mention: "Enter an application name" },
    { name: "claims.notifier", mention: "kebab-case" },
    { name: "Claims-Notifier", mention: "kebab-case" },
    { name: "a".repeat(65), mention: "3 to 64 characters" },
  ])("rejects application name $name", ({ name, mention }) => {
    const errors = errorsOf(RegisterApplicationSchema, { ...valid, name });

    expect(Object.keys(errors)).toEqual(["name"]);
    expect(errors.name?.[0]).toContain(mention);
  });

  it("trims the application name", () => {
    const parsed = RegisterApplicationSchema.parse({ ...valid, name: " claims-notifier  " });

    expect(parsed.name).toBe("claims-notifier");
  });
});

describe("RequestAccessSchema", () => {
  const valid = {
    topicName: "appointments",
    applicationId: APPLICATION_ID,
    justification: "Sends reminders before each appointment.",
  };

  it("parses valid input", () => {
    expect(RequestAccessSchema.parse(valid)).toEqual({ ...valid, intent: "submit" });
  });

  it.each([
    { field: "topicName", message: "Choose a topic." },
    { field: "applicationId", message: "Choose the consuming application." },
    { field: "justification", message: "Enter why the application needs these events." },
  ])("requires $field", ({ field, message }) => {
    const input: Record<string, unknown> = { ...valid };
    delete input[field];
    const errors = errorsOf(RequestAccessSchema, input);

    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toEqual([message]);
  });

  it.each([
    { label: "blank topicName", field: "topicName", value: "   ", message: "Choose a topic." },
    {
      label: "non-uuid applicationId",
      field: "applicationId",
      value: "12345",
      message: "Choose the consuming application from the list.",
    },
    {
      label: "blank justification",
      field: "justification",
      value: "  ",
      message: "Enter why the application needs these events.",
    },
    {
      label: "short justification",
      field: "justification",
      value: "need it",
      message: "Write at least 10 characters for why the application needs these events.",
    },
    {
      label: "long justification",
      field: "justification",
      value: "x".repeat(2001),
      message: "Shorten why the application needs these events to 2000 characters or fewer.",
    },
  ])("rejects $label", ({ field, value, message }) => {
    const errors = errorsOf(RequestAccessSchema, { ...valid, [field]: value });

    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toEqual([message]);
  });
});

describe("ReviewSchema", () => {
  const valid = { requestId: REQUEST_ID, decision: "approve", comment: "Looks good." };

  it.each(["approve", "reject", "request_changes"])("parses decision %s", (decision) => {
    expect(ReviewSchema.parse({ ...valid, decision })).toEqual({ ...valid, decision });
  });

  it.each([
    { field: "requestId", message: "Choose a request." },
    { field: "decision", message: "Choose approve, request changes or reject." },
    { field: "comment", message: "Enter a comment for the requester." },
  ])("requires $field", ({ field, message }) => {
    const input: Record<string, unknown> = { ...valid };
    delete input[field];
    const errors = errorsOf(ReviewSchema, input);

    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toEqual([message]);
  });

  it.each([
    {
      label: "non-uuid requestId",
      field: "requestId",
      value: "request-1",
      message: "Choose a request from the list.",
    },
    { label: "unknown decision", field: "decision", value: "maybe", message: "Choose approve, request changes or reject." },
    { label: "blank comment", field: "comment", value: "   ", message: "Enter a comment for the requester." },
    {
      label: "long comment",
      field: "comment",
      value: "x".repeat(2001),
      message: "Shorten a comment for the requester to 2000 characters or fewer.",
    },
  ])("rejects $label", ({ field, value, message }) => {
    const errors = errorsOf(ReviewSchema, { ...valid, [field]: value });

    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toEqual([message]);
  });

  it("trims the comment", () => {
    expect(ReviewSchema.parse({ ...valid, comment: "  Approved.  " }).comment).toBe("Approved.");
  });
});

describe("CreateTeamSchema", () => {
  it("trims the team name", () => {
    const parsed = CreateTeamSchema.parse({ name: "  Benefits Integration " });

    expect(parsed).toEqual({ name: "Benefits Integration" });
  });

  it("requires name", () => {
    expect(errorsOf(CreateTeamSchema, {}).name).toEqual(["Enter a team name."]);
  });

  it("rejects blank name", () => {
    expect(errorsOf(CreateTeamSchema, { name: "   " }).name).toEqual(["Enter a team name."]);
  });

  it("rejects 2-character name", () => {
    expect(errorsOf(CreateTeamSchema, { name: "QA" }).name).toEqual([
      "Write at least 3 characters for a team name.",
    ]);
  });

  it("rejects 81-character name", () => {
    expect(errorsOf(CreateTeamSchema, { name: "x".repeat(81) }).name).toEqual([
      "Shorten a team name to 80 characters or fewer.",
    ]);
  });

  it("accepts 80-character name", () => {
    expect(CreateTeamSchema.safeParse({ name: "x".repeat(80) }).success).toBe(true);
  });
});

describe("RevealCredentialSchema", () => {
  it("parses a uuid", () => {
    const parsed = RevealCredentialSchema.parse({ applicationId: APPLICATION_ID });

    expect(parsed).toEqual({ applicationId: APPLICATION_ID });
  });

  it("rejects non-uuid applicationId", () => {
    expect(errorsOf(RevealCredentialSchema, { applicationId: "claims-notifier" }).applicationId).toEqual([
      "Choose an application from the list.",
    ]);
  });
});

describe("fieldErrorsOf", () => {
  it("groups messages by field", () => {
    const schema = z.object({
      code: z.string().min(5, { error: "Too short." }).regex(/^[0-9]+$/, { error: "Digits only." }),
    });

    expect(errorsOf(schema, { code: "ab" })).toEqual({ code: ["Too short.", "Digits only."] });
  });

  it("files pathless issues under form", () => {
    expect(errorsOf(z.string({ error: "Enter text." }), 5)).toEqual({ form: ["Enter text."] });
  });
});
