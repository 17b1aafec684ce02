"use client";

import Link from "next/link";
import { useActionState, useState } from "react";

import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/actions/action-state";
import { revokeGrantAction } from "@/lib/actions/revoke-grant";

/** Revokes one grant after asking for the reason, which the affected team sees. */
export function RevokeForm({ grantId, applicationName }: { grantId: string; applicationName: string }) {
  const [state, formAction] = useActionState(revokeGrantAction, IDLE);
  const [open, setOpen] = useState(false);

  if (state.status === "success" && state.data) {
    return (
      <p role="status" className="text-green-800">
        {state.message}{" "}
        <Link href={`/requests/${state.data.requestId}`} className="underline">
          Follow it
        </Link>
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="rounded border border-red-300 px-2 py-0.5 text-red-800">
        Revoke {applicationName}
      </button>
    );
  }
  return (
    <form action={formAction} className="w-full max-w-md space-y-2" noValidate aria-label={`Revoke ${applicationName}`}>
      <input type="hidden" name="grantId" value={grantId} />
      <Field name={`reason-${grantId}`} label="Reason for revoking" errors={state.fieldErrors?.reason}>
        {(props) => <input {...props} name="reason" defaultValue={state.values?.reason} className={inputClass} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Revoking…" variant="danger">
        Revoke access
      </SubmitButton>
    </form>
  );
}
