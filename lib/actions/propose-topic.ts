"use server";

import { revalidatePath } from "next/cache";

import { getCaller } from "@/lib/auth/session";
import { proposeTopic } from "@/lib/data/requests/propose-topic";
import { ProposeTopicSchema } from "@/lib/domain/schemas";

import type { ActionState } from "./action-state";
import { handleForm, submitMessage } from "./handle-form";

export async function proposeTopicAction(
  _previous: ActionState<{ requestId: string }>,
  formData: FormData,
): Promise<ActionState<{ requestId: string }>> {
  const result = await handleForm(
    { action: "proposeTopicAction", schema: ProposeTopicSchema, formData, caller: getCaller, successMessage: submitMessage(formData, "Proposal submitted for review.") },
    proposeTopic,
  );
  if (result.status === "success") revalidatePath("/", "layout");
  return result;
}
