"use server";

import { revalidatePath } from "next/cache";

import { getCaller } from "@/lib/auth/session";
import { reviseRequest } from "@/lib/data/requests/revise-request";
import { ReviseTopicSchema } from "@/lib/domain/schemas";

import type { ActionState } from "./action-state";
import { handleForm } from "./handle-form";

export async function reviseTopicRequestAction(
  _previous: ActionState<{ version: number }>,
  formData: FormData,
): Promise<ActionState<{ version: number }>> {
  const result = await handleForm(
    { action: "reviseTopicRequestAction", schema: ReviseTopicSchema, formData, caller: getCaller, successMessage: "Submitted for review again." },
    (caller, input) => reviseRequest(caller, { kind: "new_topic", ...input }),
  );
  if (result.status === "success") revalidatePath("/", "layout");
  return result;
}
