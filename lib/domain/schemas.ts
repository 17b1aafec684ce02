import { z } from "zod";

import { DATA_CLASSIFICATIONS } from "./environment";
import { checkApplicationName, checkTopicName } from "./naming";
import { COMMENT_MAX_LENGTH, DESCRIPTION_MAX_LENGTH, TEAM_RULES, TOPIC_RULES } from "./platform-rules";

/**
 * Field rules shared by the forms and the server actions. Every message names the field and
 * the fix, because it is shown under that field.
 */

/** Control characters other than tab and line breaks, which PostgreSQL text cannot always hold. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function requiredText(label: string, maxLength: number, minLength = 1) {
  return z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, { error: `Enter ${label}.`, abort: true })
    .min(minLength, { error: `Write at least ${minLength} characters for ${label}.` })
    .max(maxLength, { error: `Shorten ${label} to ${maxLength} characters or fewer.` })
    .refine((text) => !CONTROL_CHARACTERS.test(text), { error: `Remove the invisible control characters from ${label}.` });
}

function optionalText(label: string, maxLength: number) {
  return z
    .string()
    .trim()
    .max(maxLength, { error: `Shorten ${label} to ${maxLength} characters or fewer.` })
    .refine((text) => !CONTROL_CHARACTERS.test(text), { error: `Remove the invisible control characters from ${label}.` })
    .default("");
}

/** Parses a whole number typed into a form, where an empty box means "missing", not zero. */
function wholeNumber(label: string, min: number, max: number) {
  return z.preprocess(
    (value) => {
      if (typeof value === "number") return value;
      if (typeof value !== "string" || value.trim() === "") return undefined;
      // Number() would also accept "1e1" and "0x10"; only plain decimal text is a number here.
      return /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
    },
    z
      .number({ error: `Enter ${label} as a whole number from ${min} to ${max}.` })
      .int({ error: `Enter ${label} as a whole number from ${min} to ${max}.` })
      .min(min, { error: `Use at least ${min} for ${label}.` })
      .max(max, { error: `Use at most ${max} for ${label}; the platform maximum is ${max}.` }),
  );
}

function identifier(label: string) {
  return z
    .string({ error: `Choose ${label}.` })
    .trim()
    .min(1, { error: `Choose ${label}.`, abort: true })
    .uuid({ error: `Choose ${label} from the list.` });
}

/** Rejects a name with the first naming rule it breaks. */
function ruledName(check: (name: string) => string | null) {
  return z
    .string({ error: "Enter a name." })
    .trim()
    .superRefine((name, context) => {
      const problem = check(name);
      if (problem) context.addIssue({ code: "custom", message: problem });
    });
}

export const CreateTeamSchema = z.object({
  name: requiredText("a team name", TEAM_RULES.nameMaxLength, TEAM_RULES.nameMinLength),
});
export type CreateTeamInput = z.infer<typeof CreateTeamSchema>;

export const APPLICATION_KINDS = ["producer", "consumer", "both"] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

export const RegisterApplicationSchema = z.object({
  teamId: identifier("a team"),
  name: ruledName(checkApplicationName),
  kind: z.enum(APPLICATION_KINDS, { error: "Choose whether the application produces, consumes or both." }),
  description: requiredText("a description", DESCRIPTION_MAX_LENGTH),
  transactional: z.preprocess((value) => value === "on" || value === true, z.boolean()),
});
export type RegisterApplicationInput = z.infer<typeof RegisterApplicationSchema>;

/** Whether a form saves a draft or submits for review; submitting is the default. */
const intent = z.enum(["submit", "draft"]).default("submit");

const TopicFields = {
  domainId: identifier("a domain"),
  name: ruledName(checkTopicName),
  description: requiredText("a description", DESCRIPTION_MAX_LENGTH, 10),
  partitions: wholeNumber("partitions", 1, TOPIC_RULES.maxPartitions),
  retentionDays: wholeNumber("retention in days", 1, TOPIC_RULES.maxRetentionDays),
  classification: z.enum(DATA_CLASSIFICATIONS, {
    error: "Choose whether the topic carries personal or health data.",
  }),
};

export const ProposeTopicSchema = z.object({
  ...TopicFields,
  producerApplicationId: identifier("the producing application"),
  intent,
});
export type Intent = "submit" | "draft";
export type ProposeTopicInput = Omit<z.infer<typeof ProposeTopicSchema>, "intent"> & { intent?: Intent };

export const ReviseTopicSchema = z.object({
  requestId: identifier("a request"),
  ...TopicFields,
  note: optionalText("the note", COMMENT_MAX_LENGTH),
});
export type ReviseTopicInput = z.infer<typeof ReviseTopicSchema>;

export const RequestAccessSchema = z.object({
  topicName: z
    .string({ error: "Choose a topic." })
    .trim()
    .min(1, { error: "Choose a topic." }),
  applicationId: identifier("the consuming application"),
  justification: requiredText("why the application needs these events", DESCRIPTION_MAX_LENGTH, 10),
  intent,
});
export type RequestAccessInput = Omit<z.infer<typeof RequestAccessSchema>, "intent"> & { intent?: Intent };

export const ReviseAccessSchema = z.object({
  requestId: identifier("a request"),
  justification: requiredText("why the application needs these events", DESCRIPTION_MAX_LENGTH, 10),
  note: optionalText("the note", COMMENT_MAX_LENGTH),
});
export type ReviseAccessInput = z.infer<typeof ReviseAccessSchema>;

export const REVIEW_DECISIONS = ["approve", "reject", "request_changes"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const ReviewSchema = z.object({
  requestId: identifier("a request"),
  decision: z.enum(REVIEW_DECISIONS, { error: "Choose approve, request changes or reject." }),
  comment: requiredText("a comment for the requester", COMMENT_MAX_LENGTH),
});

export const CommentSchema = z.object({
  requestId: identifier("a request"),
  body: requiredText("a comment", COMMENT_MAX_LENGTH),
});
export type CommentInput = z.infer<typeof CommentSchema>;

export const CancelRequestSchema = z.object({
  requestId: identifier("a request"),
  reason: optionalText("the reason", COMMENT_MAX_LENGTH),
});
export type CancelRequestInput = z.infer<typeof CancelRequestSchema>;

export const RevokeGrantSchema = z.object({
  grantId: identifier("a grant"),
  reason: requiredText("the reason for revoking", COMMENT_MAX_LENGTH),
});
export type RevokeGrantInput = z.infer<typeof RevokeGrantSchema>;

export const AddTeamMemberSchema = z.object({
  teamId: identifier("a team"),
  email: z
    .string({ error: "Enter the person's email address." })
    .trim()
    .toLowerCase()
    .min(1, { error: "Enter the person's email address.", abort: true })
    .email({ error: "Enter a valid email address, such as name@example.org." }),
  role: z.enum(["owner", "member"], { error: "Choose owner or member." }),
});
export type AddTeamMemberInput = z.infer<typeof AddTeamMemberSchema>;

export const RemoveTeamMemberSchema = z.object({
  teamId: identifier("a team"),
  email: z.string({ error: "Choose the member to remove." }).trim().toLowerCase().email({ error: "Choose the member to remove." }),
});
export type RemoveTeamMemberInput = z.infer<typeof RemoveTeamMemberSchema>;
export type ReviewInput = z.infer<typeof ReviewSchema>;

export const RevealCredentialSchema = z.object({
  applicationId: identifier("an application"),
});

/** Field name to its messages, the shape every form renders under its inputs. */
export type FieldErrors = Record<string, string[]>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

export const RetrySchema = z.object({ requestId: identifier("a request") });

export const MarkNotificationsReadSchema = z
  .object({
    scope: z.enum(["one", "all"], { error: "Choose one notification or all of them." }),
    notificationId: z.union([z.literal(""), z.uuid({ error: "The notification id is invalid; reload the page." })]).default(""),
  })
  .refine((input) => input.scope === "all" || input.notificationId !== "", {
    error: "Choose the notification to mark as read.",
    path: ["notificationId"],
  });

/**
 * Repairs change the cluster, so the form confirms them explicitly and lists the ones the
 * administrator saw; drift found since then waits for the next review.
 */
export const ApplyDriftRepairsSchema = z.object({
  confirm: z.literal("apply", { error: "Confirm that the repairs should be applied." }),
  items: z
    .string({ error: "Reload the page: the list of repairs is missing." })
    .transform((text, context) => {
      try {
        const parsed: unknown = JSON.parse(text);
        if (Array.isArray(parsed) && parsed.every((item) => typeof item === "string")) return parsed as string[];
      } catch {
        // Reported below.
      }
      context.addIssue({ code: "custom", message: "Reload the page: the list of repairs is invalid." });
      return z.NEVER;
    }),
});
export type MarkNotificationsReadInput = z.infer<typeof MarkNotificationsReadSchema>;
