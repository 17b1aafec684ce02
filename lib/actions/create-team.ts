"use server";

import { revalidatePath } from "next/cache";

import { getCaller } from "@/lib/auth/session";
import { createTeam } from "@/lib/data/teams/create-team";
import { CreateTeamSchema } from "@/lib/domain/schemas";

import type { ActionState } from "./action-state";
import { handleForm } from "./handle-form";

export async function createTeamAction(
  _previous: ActionState<{ teamId: string; slug: string }>,
  formData: FormData,
): Promise<ActionState<{ teamId: string; slug: string }>> {
  const result = await handleForm(
    { action: "createTeamAction", schema: CreateTeamSchema, formData, caller: getCaller, successMessage: "Team created." },
    createTeam,
  );
  if (result.status === "success") revalidatePath("/teams", "layout");
  return result;
}
