"use server";

import { revalidatePath } from "next/cache";

import { getCaller } from "@/lib/auth/session";
import { requestAccess } from "@/lib/data/requests/request-access";
import { RequestAccessSchema } from "@/lib/domain/schemas";

import type { ActionState } from "./action-state";
import { handleForm, submitMessage } from "./handle-form";

export async function requestAccessAction(
  _previous: ActionState<{ requestId: string }>,
  formData: FormData,
): Promise<ActionState<{ requestId: string }>> {
  const result = await handleForm(
    { action: "requestAccessAction", schema: RequestAccessSchema, formData, caller: getCaller, successMessage: submitMessage(formData, "Access request submitted for review.") },
    requestAccess,
  );
  if (result.status === "success") revalidatePath("/", "layout");
  return result;
}
