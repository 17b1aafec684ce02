"use server";

import { revalidatePath } from "next/cache";

import { getCaller } from "@/lib/auth/session";
import { cancelRequest } from "@/lib/data/requests/cancel-request";
import { CancelRequestSchema } from "@/lib/domain/schemas";

import type { ActionState } from "./action-state";
import { handleForm } from "./handle-form";

export async function cancelRequestAction(
  _previous: ActionState<void>,
  formData: FormData,
): Promise<ActionState<void>> {
  const result = await handleForm(
    { action: "cancelRequestAction", schema: CancelRequestSchema, formData, caller: getCaller, successMessage: "Request cancelled." },
    cancelRequest,
  );
  if (result.status === "success") revalidatePath("/", "layout");
  return result;
}
