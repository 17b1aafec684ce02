"use server";

import { revalidatePath } from "next/cache";

import { getCaller } from "@/lib/auth/session";
import { markNotificationsRead } from "@/lib/data/notifications/mark-notifications-read";
import { MarkNotificationsReadSchema } from "@/lib/domain/schemas";

import type { ActionState } from "./action-state";
import { handleForm } from "./handle-form";

export async function markNotificationsReadAction(
  _previous: ActionState<{ marked: number }>,
  formData: FormData,
): Promise<ActionState<{ marked: number }>> {
  const result = await handleForm(
    { action: "markNotificationsReadAction", schema: MarkNotificationsReadSchema, formData, caller: getCaller, successMessage: "Notifications marked as read." },
    markNotificationsRead,
  );
  if (result.status === "success") revalidatePath("/", "layout");
  return result;
}
