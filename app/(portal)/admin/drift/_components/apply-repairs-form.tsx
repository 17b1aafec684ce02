"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/actions/action-state";
import { applyDriftRepairsAction } from "@/lib/actions/apply-drift-repairs";

export function ApplyRepairsForm({ items }: { items: string[] }) {
  const [state, formAction] = useActionState(applyDriftRepairsAction, IDLE);

  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="confirm" value="apply" />
      <input type="hidden" name="items" value={JSON.stringify(items)} />
      <FormMessage state={state} />
      {state.data?.failed.length ? (
        <ul className="list-disc pl-5 text-sm text-red-800">
          {state.data.failed.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <SubmitButton pendingLabel="Repairing…">Apply {items.length} repairs</SubmitButton>
    </form>
  );
}
