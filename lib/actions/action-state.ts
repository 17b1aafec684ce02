import type { FieldErrors } from "@/lib/domain/schemas";
import type { AppErrorCode } from "@/lib/errors";

/** What every form action returns: a form-level message, per-field errors and typed values. */
export interface ActionState<TData = undefined> {
  status: "idle" | "success" | "error";
  /** Why an action failed, in the portal's error codes. */
  code?: AppErrorCode;
  message?: string;
  fieldErrors?: FieldErrors;
  /** The submitted text, so that a rejected form keeps what the person typed. */
  values?: Record<string, string>;
  data?: TData;
}

export const IDLE: ActionState<never> = { status: "idle" };
