import { randomUUID } from "node:crypto";

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { applications, auditEvents, requests, teams, topics } from "@/db/schema";
import { handleForm } from "@/lib/actions/handle-form";
import type { Caller } from "@/lib/auth/caller";
import { registerApplication } from "@/lib/data/applications/register-application";
import { proposeTopic } from "@/lib/data/requests/propose-topic";
import { requestAccess } from "@/lib/data/requests/request-access";
import { createTeam } from "@/lib/data/teams/create-team";
import { closeDb, getDb } from "@/lib/db";
import {
  CreateTeamSchema,
  ProposeTopicSchema,
  RegisterApplicationSchema,
  RequestAccessSchema,
} from "@/lib/domain/schemas";

import { createApplication, createTeamWithMember, domainId, uniqueSuffix } from "./fixtures";

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

/** Counts the rows every form could write, to prove a rejected form wrote nothing. */
async function rowCounts() {
  const db = await getDb();
  const count = async (table: typeof requests | typeof applications | typeof teams | typeof auditEvents | typeof topics) =>
    (await db.select({ count: sql<number>`count(*)::int` }).from(table))[0]!.count;
  return {
    requests: await count(requests),
    applications: await count(applications),
    teams: await count(teams),
    auditEvents: await count(auditEvents),
    topics: await count(topics),
  };
}

interface TopicCase {
  label: string;
  overrides: Record<string, string>;
  field: string;
  message: RegExp;
}

interface AccessCase {
  label: string;
  values: Record<string, string>;
  field: string;
  message: RegExp;
}

describe("bad input on every form", () => {
  let caller: Caller;
  let teamId: string;
  let producerId: string;
  let consumerId: string;
  let claims: string;
  const catalogTopic = `claims_status_${uniqueSuffix()}`;
  const proposedTopic = `claims_contention_created_${uniqueSuffix()}`;

  beforeAll(async () => {
    const team = await createTeamWithMember("formcheck");
    teamId = team.teamId;
    caller = await team.caller();
    producerId = (await createApplication(teamId, "producer", "form-producer")).id;
    consumerId = (await createApplication(teamId, "consumer", "form-consumer")).id;
    claims = await domainId("claims");

    const db = await getDb();
    await db.insert(topics).values({
      name: catalogTopic,
      nameKey: catalogTopic,
      environment: "sandbox",
      domainId: claims,
      ownerTeamId: teamId,
      description: "A topic already in the catalog.",
      partitions: 3,
      retentionDays: 7,
      classification: "none",
      provisionedAt: new Date(),
    });
    await proposeTopic(caller, {
      domainId: claims,
      name: proposedTopic,
      description: "A proposal still under review.",
      partitions: 3,
      retentionDays: 7,
      classification: "none",
      producerApplicationId: producerId,
    });
  });

  afterAll(async () => {
    await closeDb();
  });

  const validTopic = () => ({
    domainId: claims,
    name: `appointments_booked_${uniqueSuffix()}`,
    description: "An appointment was booked by a veteran.",
    partitions: "3",
    retentionDays: "7",
    classification: "none",
    producerApplicationId: producerId,
  });

  async function submitTopic(overrides: Record<string, string>) {
    return handleForm(
      { action: "proposeTopicAction", schema: ProposeTopicSchema, formData: form({ ...validTopic(), ...overrides }), caller: async () => caller, successMessage: "ok" },
      proposeTopic,
    );
  }

  it("accepts the valid baseline proposal", async () => {
    const result = await submitTopic({});
    expect(result.status).toBe("success");
  });

  it.each<TopicCase>([
    { label: "empty name", overrides: { name: "" }, field: "name", message: /Enter a topic name/ },
    { label: "uppercase name", overrides: { name: "Claims_Status" }, field: "name", message: /"C"/ },
    { label: "environment suffix", overrides: { name: "claims_status_prod" }, field: "name", message: /environment "prod"/ },
    { label: "leading underscore", overrides: { name: "_claims" }, field: "name", message: /leading underscore/ },
    { label: "empty description", overrides: { description: "" }, field: "description", message: /Enter a description/ },
    { label: "short description", overrides: { description: "short" }, field: "description", message: /at least 10/ },
    { label: "empty partitions", overrides: { partitions: "" }, field: "partitions", message: /whole number/ },
    { label: "zero partitions", overrides: { partitions: "0" }, field: "partitions", message: /at least 1/ },
    { label: "49 partitions", overrides: { partitions: "49" }, field: "partitions", message: /at most 48/ },
    { label: "fractional partitions", overrides: { partitions: "2.5" }, field: "partitions", message: /whole number/ },
    { label: "text partitions", overrides: { partitions: "three" }, field: "partitions", message: /whole number/ },
    { label: "zero retention", overrides: { retentionDays: "0" }, field: "retentionDays", message: /at least 1/ },
    { label: "91 days retention", overrides: { retentionDays: "91" }, field: "retentionDays", message: /at most 90/ },
    { label: "missing classification", overrides: { classification: "" }, field: "classification", message: /personal or health/ },
    { label: "missing domain", overrides: { domainId: "" }, field: "domainId", message: /Choose a domain/ },
    { label: "unknown domain", overrides: { domainId: randomUUID() }, field: "domainId", message: /from the list/ },
    { label: "missing application", overrides: { producerApplicationId: "" }, field: "producerApplicationId", message: /Choose/ },
    { label: "consumer as producer", overrides: { producerApplicationId: "consumer" }, field: "producerApplicationId", message: /registered as a consumer/ },
    { label: "health data in sandbox", overrides: { classification: "health" }, field: "classification", message: /sandbox environment does not accept/ },
    { label: "name in the catalog", overrides: { name: "catalog" }, field: "name", message: /is taken/ },
    { label: "name under review", overrides: { name: "proposed" }, field: "name", message: /already under review/ },
  ])("rejects proposal with $label", async ({ overrides, field, message }) => {
    const resolved = { ...overrides };
    if (resolved.producerApplicationId === "consumer") resolved.producerApplicationId = consumerId;
    if (resolved.name === "catalog") resolved.name = catalogTopic;
    if (resolved.name === "proposed") resolved.name = proposedTopic;
    const before = await rowCounts();

    const result = await submitTopic(resolved);

    expect(result.status).toBe("error");
    expect(result.fieldErrors?.[field]?.join(" ")).toMatch(message);
    expect(result.values?.description).toBeDefined();
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    { label: "empty name", values: { name: "" }, field: "name", message: /Enter an application name/ },
    { label: "snake_case name", values: { name: "claims_notifier" }, field: "name", message: /kebab-case/ },
    { label: "dotted name", values: { name: "claims.notifier" }, field: "name", message: /kebab-case/ },
    { label: "missing kind", values: { kind: "" }, field: "kind", message: /produces, consumes or both/ },
    { label: "empty description", values: { description: " " }, field: "description", message: /Enter a description/ },
    { label: "duplicate name", values: { name: "duplicate" }, field: "name", message: /already registered/ },
  ])("rejects application with $label", async ({ values, field, message }) => {
    const existing = (await createApplication(teamId, "consumer", "taken-name")).name;
    const before = await rowCounts();
    const submitted = { teamId, name: `valid-app-${uniqueSuffix()}`, kind: "consumer", description: "Reads events.", ...values };
    if (submitted.name === "duplicate") submitted.name = existing;

    const result = await handleForm(
      { action: "registerApplicationAction", schema: RegisterApplicationSchema, formData: form(submitted), caller: async () => caller, successMessage: "ok" },
      registerApplication,
    );

    expect(result.status).toBe("error");
    expect(result.fieldErrors?.[field]?.join(" ")).toMatch(message);
    expect(await rowCounts()).toEqual(before);
  });

  it("rejects an application for another team", async () => {
    const otherTeam = await createTeamWithMember("elsewhere");
    const before = await rowCounts();

    const result = await handleForm(
      {
        action: "registerApplicationAction",
        schema: RegisterApplicationSchema,
        formData: form({ teamId: otherTeam.teamId, name: `intruder-${uniqueSuffix()}`, kind: "producer", description: "x" }),
        caller: async () => caller,
        successMessage: "ok",
      },
      registerApplication,
    );

    expect(result.status).toBe("error");
    expect(result.code).toBe("forbidden");
    expect(result.message).toMatch(/Only the team's owners/);
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    { label: "empty name", name: "", message: /Enter a team name/ },
    { label: "two letters", name: "ab", message: /at least 3/ },
    { label: "only spaces", name: "    ", message: /Enter a team name/ },
    { label: "duplicate name", name: "duplicate", message: /already exists/ },
  ])("rejects team with $label", async ({ name, message }) => {
    const existing = `Claims Team ${uniqueSuffix()}`;
    await createTeam(caller, { name: existing });
    const before = await rowCounts();

    const result = await handleForm(
      { action: "createTeamAction", schema: CreateTeamSchema, formData: form({ name: name === "duplicate" ? existing : name }), caller: async () => caller, successMessage: "ok" },
      createTeam,
    );

    expect(result.status).toBe("error");
    expect(result.fieldErrors?.name?.join(" ")).toMatch(message);
    expect(await rowCounts()).toEqual(before);
  });

  it.each<AccessCase>([
    { label: "a missing topic", values: { topicName: "no_such_topic" }, field: "topicName", message: /No topic named "no_such_topic"/ },
    { label: "an empty topic", values: { topicName: "" }, field: "topicName", message: /Choose a topic/ },
    { label: "a producer-only application", values: { applicationId: "producer" }, field: "applicationId", message: /producer only/ },
    { label: "an empty justification", values: { justification: "" }, field: "justification", message: /Enter why/ },
    { label: "a duplicate open request", values: { duplicate: "yes" }, field: "applicationId", message: /already has a request/ },
  ])("rejects access request for $label", async ({ values, field, message }) => {
    const submitted: Record<string, string> = {
      topicName: catalogTopic,
      applicationId: consumerId,
      justification: "Notify veterans of claim status changes.",
      ...values,
    };
    if (submitted.applicationId === "producer") submitted.applicationId = producerId;
    const run = () =>
      handleForm(
        { action: "requestAccessAction", schema: RequestAccessSchema, formData: form(submitted), caller: async () => caller, successMessage: "ok" },
        requestAccess,
      );
    if (values.duplicate) {
      const first = await run();
      expect(first.status).toBe("success");
    }
    const before = await rowCounts();

    const result = await run();

    expect(result.status).toBe("error");
    expect(result.fieldErrors?.[field]?.join(" ")).toMatch(message);
    expect(await rowCounts()).toEqual(before);
  });
});
