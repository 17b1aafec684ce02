import type { FieldErrors } from "@/lib/domain/schemas";

export type AppErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "invalid"
  | "cluster_unavailable";

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  cluster_unavailable: 503,
};

/**
 * The portal's one error type. `message` is for people using the portal and must say what to do
 * next; `fieldErrors` attach messages to form fields.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors: FieldErrors;

  constructor(code: AppErrorCode, message: string, options: { fieldErrors?: FieldErrors; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options.fieldErrors ?? {};
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

/** Creates an AppError that points at one form field. */
export function fieldError(field: string, message: string, code: AppErrorCode = "invalid"): AppError {
  return new AppError(code, message, { fieldErrors: { [field]: [message] } });
}

export function notFound(what: string, id: string): AppError {
  return new AppError("not_found", `${what} ${id} was not found. It may have been removed; reload the page.`);
}

/** PostgreSQL's unique_violation, raised by both PostgreSQL and PGlite. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const cause = findPgError(error);
  if (!cause || cause.code !== "23505") return false;
  return constraint === undefined || cause.constraint === constraint;
}

function findPgError(error: unknown): { code?: string; constraint?: string } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (typeof current === "object" && current !== null && "code" in current) {
      return current as { code?: string; constraint?: string };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
