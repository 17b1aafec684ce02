import "server-only";

import type { z } from "zod";

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

/**
 * Parses a form with its schema and runs one data function for the caller. Invalid input never
 * reaches the data function; known errors come back as messages, unknown ones are logged and
 * reported in general terms.
 */
export async function handleForm<TSchema extends z.ZodType, TData>(
  options: {
    action: string;
    schema: TSchema;
    formData: FormData;
    caller: Caller | (() => Promise<Caller>);
    successMessage: string;
  },
  run: (caller: Caller, input: z.infer<TSchema>) => Promise<TData>,
): Promise<ActionState<TData>> {
  const values = submittedValues(options.formData);
  const parsed = options.schema.safeParse(Object.fromEntries(options.formData.entries()));
  if (!parsed.success) {
    return {
      status: "error",
      message: "Some fields need attention; see the messages under them.",
      fieldErrors: fieldErrorsOf(parsed.error),
      values,
    };
  }

  let callerId: string | undefined;
  try {
    const caller = typeof options.caller === "function" ? await options.caller() : options.caller;
    callerId = caller.userId;
    const data = await run(caller, parsed.data);
    return { status: "success", message: options.successMessage, data };
  } catch (error) {
    if (error instanceof AppError) {
      logger.info({ action: options.action, userId: callerId, code: error.code }, error.message);
      return { status: "error", message: error.message, fieldErrors: error.fieldErrors, values };
    }
    logger.error({ err: error, action: options.action, userId: callerId }, "server action failed");
    return {
      status: "error",
      message: "Something went wrong on our side and nothing was saved; try again, and tell the platform team if it keeps failing.",
      values,
    };
  }
}
