"use client";

import { useActionState } from "react";

import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/actions/action-state";
import { addCommentAction } from "@/lib/actions/add-comment";
import { cancelRequestAction } from "@/lib/actions/cancel-request";
import { reviseAccessRequestAction } from "@/lib/actions/revise-access-request";
import { reviseTopicRequestAction } from "@/lib/actions/revise-topic-request";
import { DATA_CLASSIFICATION_LABELS, DATA_CLASSIFICATIONS } from "@/lib/domain/environment";

export function CommentForm({ requestId }: { requestId: string }) {
  const [state, formAction] = useActionState(addCommentAction, IDLE);
  return (
    <form action={formAction} className="space-y-2" noValidate aria-label="Comment">
      <input type="hidden" name="requestId" value={requestId} />
      <Field name="body" label="Add a comment" errors={state.fieldErrors?.body}>
        {(props) => (
          <textarea
            {...props}
            name="body"
            rows={2}
            key={state.status === "success" ? Date.now() : "comment"}
            defaultValue={state.status === "error" ? state.values?.body : ""}
            className={inputClass}
          />
        )}
      </Field>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Posting…" variant="secondary">
        Post comment
      </SubmitButton>
    </form>
  );
}

export function CancelForm({ requestId }: { requestId: string }) {
  const [state, formAction] = useActionState(cancelRequestAction, IDLE);
  return (
    <form action={formAction} className="space-y-2" noValidate aria-label="Cancel request">
      <input type="hidden" name="requestId" value={requestId} />
      <Field name="reason" label="Reason for cancelling (optional)" errors={state.fieldErrors?.reason}>
        {(props) => <input {...props} name="reason" defaultValue={state.values?.reason} className={inputClass} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Cancelling…" variant="danger">
        Cancel request
      </SubmitButton>
    </form>
  );
}

interface TopicValues {
  domainId: string;
  name: string;
  description: string;
  partitions: number;
  retentionDays: number;
  classification: string;
}

/** Edits a draft or a proposal with changes requested, and submits it again. */
export function ReviseTopicForm({
  requestId,
  current,
  domains,
}: {
  requestId: string;
  current: TopicValues;
  domains: Array<{ id: string; name: string }>;
}) {
  const [state, formAction] = useActionState(reviseTopicRequestAction, IDLE);
  const values = state.status === "error" ? state.values : undefined;
  const errors = state.fieldErrors ?? {};

  return (
    <form action={formAction} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate aria-label="Edit and resubmit">
      <h2 className="text-lg font-medium">Edit and resubmit</h2>
      <input type="hidden" name="requestId" value={requestId} />
      <Field name="domainId" label="Domain" errors={errors.domainId}>
        {(props) => (
          <select {...props} name="domainId" defaultValue={values?.domainId ?? current.domainId} className={inputClass}>
            {domains.map((domain) => (
              <option key={domain.id} value={domain.id}>
                {domain.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="name" label="Topic name" errors={errors.name}>
        {(props) => <input {...props} name="name" defaultValue={values?.name ?? current.name} className={`${inputClass} font-mono`} />}
      </Field>
      <Field name="description" label="Description" errors={errors.description}>
        {(props) => (
          <textarea {...props} name="description" rows={3} defaultValue={values?.description ?? current.description} className={inputClass} />
        )}
      </Field>
      <div className="grid gap-3 md:grid-cols-2">
        <Field name="partitions" label="Partitions" errors={errors.partitions}>
          {(props) => (
            <input {...props} name="partitions" inputMode="numeric" defaultValue={values?.partitions ?? String(current.partitions)} className={inputClass} />
          )}
        </Field>
        <Field name="retentionDays" label="Retention in days" errors={errors.retentionDays}>
          {(props) => (
            <input
              {...props}
              name="retentionDays"
              inputMode="numeric"
              defaultValue={values?.retentionDays ?? String(current.retentionDays)}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <Field name="classification" label="Data classification" errors={errors.classification}>
        {(props) => (
          <select {...props} name="classification" defaultValue={values?.classification ?? current.classification} className={inputClass}>
            {DATA_CLASSIFICATIONS.map((classification) => (
              <option key={classification} value={classification}>
                {DATA_CLASSIFICATION_LABELS[classification]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="note" label="Note for the reviewers (optional)" errors={errors.note}>
        {(props) => <textarea {...props} name="note" rows={2} defaultValue={values?.note} className={inputClass} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Submitting…">Submit for review</SubmitButton>
    </form>
  );
}

export function ReviseAccessForm({ requestId, justification }: { requestId: string; justification: string }) {
  const [state, formAction] = useActionState(reviseAccessRequestAction, IDLE);
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate aria-label="Edit and resubmit">
      <h2 className="text-lg font-medium">Edit and resubmit</h2>
      <input type="hidden" name="requestId" value={requestId} />
      <Field name="justification" label="Why does the application need these events?" errors={state.fieldErrors?.justification}>
        {(props) => (
          <textarea {...props} name="justification" rows={3} defaultValue={values?.justification ?? justification} className={inputClass} />
        )}
      </Field>
      <Field name="note" label="Note for the reviewers (optional)" errors={state.fieldErrors?.note}>
        {(props) => <textarea {...props} name="note" rows={2} defaultValue={values?.note} className={inputClass} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Submitting…">Submit for review</SubmitButton>
    </form>
  );
}
