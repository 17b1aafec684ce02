import { z } from "zod";

import { DATA_CLASSIFICATIONS } from "./environment";
import { checkApplicationName, checkTopicName } from "./naming";
import { COMMENT_MAX_LENGTH, DESCRIPTION_MAX_LENGTH, TEAM_RULES, TOPIC_RULES } from "./platform-rules";

/**
 * Field rules shared by the forms and the server actions. Every message names the field and
 * the fix, because it is shown under that field.
 */

function requiredText(label: string, maxLength: number, minLength = 1) {
  return z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, { error: `Enter ${label}.`, abort: true })
    .min(minLength, { error: `Write at least ${minLength} characters for ${label}.` })
    .max(maxLength, { error: `Shorten ${label} to ${maxLength} characters or fewer.` });
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

export const ProposeTopicSchema = z.object({
  domainId: identifier("a domain"),
  name: ruledName(checkTopicName),
  description: requiredText("a description", DESCRIPTION_MAX_LENGTH, 10),
  partitions: wholeNumber("partitions", 1, TOPIC_RULES.maxPartitions),
  retentionDays: wholeNumber("retention in days", 1, TOPIC_RULES.maxRetentionDays),
  classification: z.enum(DATA_CLASSIFICATIONS, {
    error: "Choose whether the topic carries personal or health data.",
  }),
  producerApplicationId: identifier("the producing application"),
});
export type ProposeTopicInput = z.infer<typeof ProposeTopicSchema>;

export const RequestAccessSchema = z.object({
  topicName: z
    .string({ error: "Choose a topic." })
    .trim()
    .min(1, { error: "Choose a topic." }),
  applicationId: identifier("the consuming application"),
  justification: requiredText("why the application needs these events", DESCRIPTION_MAX_LENGTH, 10),
});
export type RequestAccessInput = z.infer<typeof RequestAccessSchema>;

export const ReviewSchema = z.object({
  requestId: identifier("a request"),
  decision: z.enum(["approve", "reject"], { error: "Choose approve or reject." }),
  comment: requiredText("a comment for the requester", COMMENT_MAX_LENGTH),
});
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
