"use server";

import { revalidatePath } from "next/cache";

import { getCaller } from "@/lib/auth/session";
import { reviseRequest } from "@/lib/data/requests/revise-request";
import { ReviseAccessSchema } from "@/lib/domain/schemas";

import type { ActionState } from "./action-state";
import { handleForm } from "./handle-form";

export async function reviseAccessRequestAction(
  _previous: ActionState<{ version: number }>,
  formData: FormData,
): Promise<ActionState<{ version: number }>> {
  const result = await handleForm(
    { action: "reviseAccessRequestAction", schema: ReviseAccessSchema, formData, caller: getCaller, successMessage: "Submitted for review again." },
    (caller, input) => reviseRequest(caller, { kind: "topic_access", ...input }),
  );
  if (result.status === "success") revalidatePath("/", "layout");
  return result;
}
