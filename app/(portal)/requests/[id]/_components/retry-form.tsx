"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/actions/action-state";
import { retryProvisioningAction } from "@/lib/actions/retry-provisioning";

export function RetryForm({ requestId }: { requestId: string }) {
  const [state, formAction] = useActionState(retryProvisioningAction, IDLE);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Provisioning…" variant="secondary">
        Retry provisioning
      </SubmitButton>
    </form>
  );
}
