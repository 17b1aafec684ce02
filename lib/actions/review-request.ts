"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { requireCaller } from "@/lib/auth/session";
import { reviewRequest } from "@/lib/data/requests/review-request";
import type { RequestState } from "@/lib/domain/request-states";
import { ReviewSchema } from "@/lib/domain/schemas";

import type { ActionState } from "./action-state";
import { handleForm } from "./handle-form";

type ReviewOutcome = { state: RequestState; failureReason: string | null };

export async function reviewRequestAction(
  _previous: ActionState<ReviewOutcome>,
  formData: FormData,
): Promise<ActionState<ReviewOutcome>> {
  const result = await handleForm(
    { action: "reviewRequest", schema: ReviewSchema, formData, caller: requireCaller, successMessage: "Review saved." },
    reviewRequest,
  );
  if (result.status === "success" && result.data) {
    const { state, failureReason } = result.data;
    result.message =
      state === "approved"
        ? "Approved. Provisioning runs now; the request page shows its progress."
        : state === "failed"
          ? `Provisioning failed: ${failureReason}`
          : "Rejected; the requester sees your comment.";
  }
  revalidatePath("/", "layout");
  // The request page shows the decision and, after an approval, provisioning as it runs.
  if (result.status === "success") redirect(`/requests/${String(formData.get("requestId"))}`);
  return result;
}
