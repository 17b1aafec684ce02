import type { ActionState } from "@/lib/actions/action-state";

/** The form-level outcome, announced by screen readers when it changes. */
export function FormMessage({ state }: { state: ActionState<unknown> }) {
  return (
    <div aria-live="polite" role="status">
      {state.message ? (
        <p
          className={`rounded-md px-3 py-2 text-sm ${
            state.status === "error" ? "bg-red-50 text-red-800" : "bg-green-50 text-green-800"
          }`}
        >
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
