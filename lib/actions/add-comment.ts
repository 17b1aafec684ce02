"use server";

import { revalidatePath } from "next/cache";

import { getCaller } from "@/lib/auth/session";
import { addComment } from "@/lib/data/requests/add-comment";
import { CommentSchema } from "@/lib/domain/schemas";

import type { ActionState } from "./action-state";
import { handleForm } from "./handle-form";

export async function addCommentAction(
  _previous: ActionState<void>,
  formData: FormData,
): Promise<ActionState<void>> {
  const result = await handleForm(
    { action: "addCommentAction", schema: CommentSchema, formData, caller: getCaller, successMessage: "Comment added." },
    addComment,
  );
  if (result.status === "success") revalidatePath("/requests", "layout");
  return result;
}
