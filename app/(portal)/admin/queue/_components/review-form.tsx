"use client";

import { useActionState } from "react";

import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/actions/action-state";
import { reviewRequestAction } from "@/lib/actions/review-request";

/** Approve or reject with a comment; the button pressed sets the decision. */
export function ReviewForm({ requestId }: { requestId: string }) {
  const [state, formAction] = useActionState(reviewRequestAction, IDLE);

  if (state.status === "success") {
    const failed = state.data?.state === "failed";
    return (
      <p role="status" className={`rounded-md p-3 text-sm ${failed ? "bg-red-50 text-red-800" : "bg-green-50 text-green-800"}`}>
        {state.message}
      </p>
    );
  }

  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="requestId" value={requestId} />
      <Field name={`comment-${requestId}`} label="Comment for the requester" errors={state.fieldErrors?.comment}>
        {(props) => <textarea {...props} name="comment" rows={2} defaultValue={state.values?.comment} className={inputClass} />}
      </Field>
      <FormMessage state={state} />
      <div className="flex gap-2">
        <SubmitButton name="decision" value="approve" pendingLabel="Working…">
          Approve and provision
        </SubmitButton>
        <SubmitButton name="decision" value="reject" pendingLabel="Working…" variant="danger">
          Reject
        </SubmitButton>
      </div>
    </form>
  );
}
