"use server";

import { revalidatePath } from "next/cache";

import { getCaller } from "@/lib/auth/session";
import { retryProvisioning } from "@/lib/data/requests/retry-provisioning";
import { RetrySchema } from "@/lib/domain/schemas";

import type { ActionState } from "./action-state";
import { handleForm } from "./handle-form";

export async function retryProvisioningAction(
  _previous: ActionState<{ state: "approved" }>,
  formData: FormData,
): Promise<ActionState<{ state: "approved" }>> {
  const result = await handleForm(
    { action: "retryProvisioningAction", schema: RetrySchema, formData, caller: getCaller, successMessage: "Provisioning was queued again; its progress shows above." },
    (caller, input) => retryProvisioning(caller, input.requestId),
  );
  if (result.status === "success") revalidatePath("/", "layout");
  return result;
}
