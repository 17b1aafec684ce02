"use server";

import { revalidatePath } from "next/cache";

import { requireCaller } from "@/lib/auth/session";
import { createTeam } from "@/lib/data/teams/create-team";
import { CreateTeamSchema } from "@/lib/domain/schemas";

import type { ActionState } from "./action-state";
import { handleForm } from "./handle-form";

export async function createTeamAction(
  _previous: ActionState<{ slug: string }>,
  formData: FormData,
): Promise<ActionState<{ slug: string }>> {
  const result = await handleForm(
    { action: "createTeam", schema: CreateTeamSchema, formData, caller: requireCaller, successMessage: "Team created." },
    createTeam,
  );
  if (result.status === "success") revalidatePath("/teams");
  return result;
}
