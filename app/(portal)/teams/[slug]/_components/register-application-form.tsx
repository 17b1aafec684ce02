"use client";

import { useActionState } from "react";

import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/actions/action-state";
import { registerApplicationAction } from "@/lib/actions/register-application";

export function RegisterApplicationForm({ teamId }: { teamId: string }) {
  const [state, formAction] = useActionState(registerApplicationAction, IDLE);
  const values = state.status === "error" ? state.values : undefined;

  return (
    <form action={formAction} className="mt-3 space-y-4" noValidate>
      <input type="hidden" name="teamId" value={teamId} />
      <Field
        name="name"
        label="Application name"
        hint="kebab-case, such as claims-notifier. It becomes the Kafka user name and the prefix of its consumer groups."
        errors={state.fieldErrors?.name}
      >
        {(props) => <input {...props} name="name" defaultValue={values?.name} className={inputClass} />}
      </Field>
      <Field name="kind" label="Kind" errors={state.fieldErrors?.kind}>
        {(props) => (
          <select {...props} name="kind" defaultValue={values?.kind ?? ""} className={inputClass}>
            <option value="">Choose what it does</option>
            <option value="producer">Producer: writes events</option>
            <option value="consumer">Consumer: reads events</option>
            <option value="both">Both</option>
          </select>
        )}
      </Field>
      <Field name="description" label="Description" errors={state.fieldErrors?.description}>
        {(props) => (
          <textarea {...props} name="description" rows={2} defaultValue={values?.description} className={inputClass} />
        )}
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="transactional" defaultChecked={values?.transactional === "on"} />
        Produces with Kafka transactions (grants transactional ids with the application's prefix)
      </label>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Registering…">Register application</SubmitButton>
    </form>
  );
}
