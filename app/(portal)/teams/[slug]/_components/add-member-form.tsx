"use client";

import { useActionState } from "react";

import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/actions/action-state";
import { addTeamMemberAction } from "@/lib/actions/add-team-member";

export function AddMemberForm({ teamId }: { teamId: string }) {
  const [state, formAction] = useActionState(addTeamMemberAction, IDLE);
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} className="flex max-w-xl flex-wrap items-end gap-3" noValidate aria-label="Add a member">
      <input type="hidden" name="teamId" value={teamId} />
      <Field name="email" label="Email address" errors={state.fieldErrors?.email}>
        {(props) => <input {...props} name="email" type="email" defaultValue={values?.email} className={inputClass} />}
      </Field>
      <Field name="role" label="Role" errors={state.fieldErrors?.role}>
        {(props) => (
          <select {...props} name="role" defaultValue={values?.role ?? "member"} className={inputClass}>
            <option value="member">Member</option>
            <option value="owner">Owner</option>
          </select>
        )}
      </Field>
      <SubmitButton pendingLabel="Adding…" variant="secondary">
        Add member
      </SubmitButton>
      <div className="w-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
