"use client";

import Link from "next/link";
import { useActionState } from "react";

import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/actions/action-state";
import { requestAccessAction } from "@/lib/actions/request-access";

export function RequestAccessForm({
  topicName,
  applications,
}: {
  topicName: string;
  applications: Array<{ id: string; name: string; teamName: string }>;
}) {
  const [state, formAction] = useActionState(requestAccessAction, IDLE);

  return (
    <form action={formAction} className="mt-3 space-y-4" noValidate>
      <input type="hidden" name="topicName" value={topicName} />
      <Field name="applicationId" label="Consuming application" errors={state.fieldErrors?.applicationId ?? state.fieldErrors?.topicName}>
        {(props) => (
          <select {...props} name="applicationId" defaultValue={state.values?.applicationId ?? ""} className={inputClass}>
            <option value="">Choose an application</option>
            {applications.map((application) => (
              <option key={application.id} value={application.id}>
                {application.name} ({application.teamName})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        name="justification"
        label="Why does the application need these events?"
        errors={state.fieldErrors?.justification}
      >
        {(props) => (
          <textarea {...props} name="justification" rows={3} defaultValue={state.values?.justification} className={inputClass} />
        )}
      </Field>
      <FormMessage state={state} />
      {state.status === "success" && state.data ? (
        <p className="text-sm">
          <Link href={`/requests/${state.data.requestId}`} className="text-blue-700 underline">
            Follow the request
          </Link>
        </p>
      ) : null}
      <SubmitButton pendingLabel="Submitting…">Request access</SubmitButton>
    </form>
  );
}
