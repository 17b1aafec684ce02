"use client";

import { useActionState } from "react";

import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/actions/action-state";
import { reviewRequestAction } from "@/lib/actions/review-request";
import { REVIEW_STEP_LABELS, type ReviewStep } from "@/lib/domain/review-steps";

/** Approve, request changes or reject, always with a comment; the button pressed is the decision. */
export function ReviewForm({ requestId, step, isLastStep }: { requestId: string; step: ReviewStep; isLastStep: boolean }) {
  const [state, formAction] = useActionState(reviewRequestAction, IDLE);

  return (
    <form action={formAction} className="space-y-3" noValidate aria-label="Review">
      <input type="hidden" name="requestId" value={requestId} />
      <p className="text-sm text-slate-700">
        You review as {REVIEW_STEP_LABELS[step]}.
        {isLastStep ? " Approving provisions the changes above." : " Approving passes the request to the next reviewer."}
      </p>
      <Field name={`comment-${requestId}`} label="Comment for the requester" errors={state.fieldErrors?.comment}>
        {(props) => <textarea {...props} name="comment" rows={2} defaultValue={state.values?.comment} className={inputClass} />}
      </Field>
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="decision" value="approve" pendingLabel="Working…">
          {isLastStep ? "Approve and provision" : "Approve"}
        </SubmitButton>
        <SubmitButton name="decision" value="request_changes" pendingLabel="Working…" variant="secondary">
          Request changes
        </SubmitButton>
        <SubmitButton name="decision" value="reject" pendingLabel="Working…" variant="danger">
          Reject
        </SubmitButton>
      </div>
    </form>
  );
}
