"use server";

import { revalidatePath } from "next/cache";

import { getCaller } from "@/lib/auth/session";
import { removeTeamMember } from "@/lib/data/teams/remove-team-member";
import { RemoveTeamMemberSchema } from "@/lib/domain/schemas";

import type { ActionState } from "./action-state";
import { handleForm } from "./handle-form";

export async function removeTeamMemberAction(_previous: ActionState<void>, formData: FormData): Promise<ActionState<void>> {
  const result = await handleForm(
    { action: "removeTeamMemberAction", schema: RemoveTeamMemberSchema, formData, caller: getCaller, successMessage: "Member removed." },
    removeTeamMember,
  );
  if (result.status === "success") revalidatePath("/teams", "layout");
  return result;
}
