"use server";

import { revalidatePath } from "next/cache";

import { getCaller } from "@/lib/auth/session";
import { registerApplication } from "@/lib/data/applications/register-application";
import { RegisterApplicationSchema } from "@/lib/domain/schemas";

import type { ActionState } from "./action-state";
import { handleForm } from "./handle-form";

export async function registerApplicationAction(
  _previous: ActionState<{ applicationId: string }>,
  formData: FormData,
): Promise<ActionState<{ applicationId: string }>> {
  const result = await handleForm(
    { action: "registerApplicationAction", schema: RegisterApplicationSchema, formData, caller: getCaller, successMessage: "Application registered." },
    registerApplication,
  );
  if (result.status === "success") revalidatePath("/teams", "layout");
  return result;
}
