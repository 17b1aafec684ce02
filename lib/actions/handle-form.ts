import "server-only";

import type { z } from "zod";

import { assertAllowed } from "@/lib/auth/assert-allowed";
import { SERVER_ACTION_POLICIES, type ServerActionName } from "@/lib/auth/action-policies";
import type { Caller } from "@/lib/auth/caller";
import { fieldErrorsOf } from "@/lib/domain/schemas";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

import type { ActionState } from "./action-state";

function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  }
  return values;
}

/** The success message of a form that can save a draft or submit for review. */
export function submitMessage(formData: FormData, submitted: string): string {
  return formData.get("intent") === "draft" ? "Draft saved. Open it to edit and submit it for review." : submitted;
}

/**
 * Runs one server action: loads the caller, checks the action's policy entry before reading any
 * input, parses the form with its schema, and calls one data function, which checks the policy
 * again on the resource it loads. Known errors come back as messages; unknown ones are logged
 * and reported in general terms.
 */
export async function handleForm<TSchema extends z.ZodType, TData>(
  options: {
    action: ServerActionName;
    schema: TSchema;
    formData: FormData;
    caller: () => Promise<Caller | null>;
    successMessage: string;
  },
  run: (caller: Caller, input: z.infer<TSchema>) => Promise<TData>,
): Promise<ActionState<TData>> {
  const values = submittedValues(options.formData);
  let callerId: string | undefined;

  try {
    const caller = await options.caller();
    callerId = caller?.userId;
    const policy = SERVER_ACTION_POLICIES[options.action];
    if (policy !== "public") assertAllowed(caller, policy);

    const parsed = options.schema.safeParse(Object.fromEntries(options.formData.entries()));
    if (!parsed.success) {
      return {
        status: "error",
        code: "invalid",
        message: "Some fields need attention; see the messages under them.",
        fieldErrors: fieldErrorsOf(parsed.error),
        values,
      };
    }

    const data = await run(caller as Caller, parsed.data);
    return { status: "success", message: options.successMessage, data };
  } catch (error) {
    if (error instanceof AppError) {
      logger.info({ action: options.action, userId: callerId, code: error.code }, error.message);
      return { status: "error", code: error.code, message: error.message, fieldErrors: error.fieldErrors, values };
    }
    logger.error({ err: error, action: options.action, userId: callerId }, "server action failed");
    return {
      status: "error",
      message: "Something went wrong on our side and nothing was saved; try again, and tell the platform team if it keeps failing.",
      values,
    };
  }
}
