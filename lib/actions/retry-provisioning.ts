"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { requireCaller } from "@/lib/auth/session";
import { retryProvisioning } from "@/lib/data/requests/review-request";
import type { RequestState } from "@/lib/domain/request-states";

import type { ActionState } from "./action-state";
import { handleForm } from "./handle-form";

const RetrySchema = z.object({ requestId: z.uuid({ error: "The request id is invalid; reload the page." }) });

export async function retryProvisioningAction(
  _previous: ActionState<{ state: RequestState; failureReason: string | null }>,
  formData: FormData,
): Promise<ActionState<{ state: RequestState; failureReason: string | null }>> {
  const result = await handleForm(
    { action: "retryProvisioning", schema: RetrySchema, formData, caller: requireCaller, successMessage: "Provisioning was queued again; progress shows above." },
    (caller, input) => retryProvisioning(caller, input.requestId),
  );
  revalidatePath("/", "layout");
  return result;
}
