"use client";

import Link from "next/link";
import { useActionState } from "react";

import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/actions/action-state";
import { createTeamAction } from "@/lib/actions/create-team";

export function CreateTeamForm() {
  const [state, formAction] = useActionState(createTeamAction, IDLE);

  return (
    <form action={formAction} className="mt-3 space-y-4" noValidate>
      <Field name="name" label="Team name" hint="You become the team's owner." errors={state.fieldErrors?.name}>
        {(props) => <input {...props} name="name" defaultValue={state.values?.name} className={inputClass} />}
      </Field>
      <FormMessage state={state} />
      {state.status === "success" && state.data ? (
        <Link href={`/teams/${state.data.slug}`} className="text-sm text-blue-700 underline">
          Open the team
        </Link>
      ) : null}
      <SubmitButton pendingLabel="Creating…">Create team</SubmitButton>
    </form>
  );
}
