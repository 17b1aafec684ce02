"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { getCaller } from "@/lib/auth/session";
import { reviewRequest, type ReviewOutcome } from "@/lib/data/requests/review-request";
import { ReviewSchema } from "@/lib/domain/schemas";

import type { ActionState } from "./action-state";
import { handleForm } from "./handle-form";

export async function reviewRequestAction(
  _previous: ActionState<ReviewOutcome>,
  formData: FormData,
): Promise<ActionState<ReviewOutcome>> {
  const result = await handleForm(
    { action: "reviewRequestAction", schema: ReviewSchema, formData, caller: getCaller, successMessage: "Review saved." },
    reviewRequest,
  );
  revalidatePath("/", "layout");
  // The request page shows the decision and, after an approval, provisioning as it runs.
  if (result.status === "success") redirect(`/requests/${String(formData.get("requestId"))}`);
  return result;
}
