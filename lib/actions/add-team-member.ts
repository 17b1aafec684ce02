"use server";

import { revalidatePath } from "next/cache";

import { getCaller } from "@/lib/auth/session";
import { addTeamMember } from "@/lib/data/teams/add-team-member";
import { AddTeamMemberSchema } from "@/lib/domain/schemas";

import type { ActionState } from "./action-state";
import { handleForm } from "./handle-form";

export async function addTeamMemberAction(
  _previous: ActionState<{ userId: string }>,
  formData: FormData,
): Promise<ActionState<{ userId: string }>> {
  const result = await handleForm(
    { action: "addTeamMemberAction", schema: AddTeamMemberSchema, formData, caller: getCaller, successMessage: "Member added." },
    addTeamMember,
  );
  if (result.status === "success") revalidatePath("/teams", "layout");
  return result;
}
