"use server";

import { revalidatePath } from "next/cache";

import { getCaller } from "@/lib/auth/session";
import { revokeGrant } from "@/lib/data/grants/revoke-grant";
import { RevokeGrantSchema } from "@/lib/domain/schemas";

import type { ActionState } from "./action-state";
import { handleForm } from "./handle-form";

export async function revokeGrantAction(
  _previous: ActionState<{ requestId: string }>,
  formData: FormData,
): Promise<ActionState<{ requestId: string }>> {
  const result = await handleForm(
    { action: "revokeGrantAction", schema: RevokeGrantSchema, formData, caller: getCaller, successMessage: "Access revoked; its ACLs are being deleted from the cluster." },
    revokeGrant,
  );
  if (result.status === "success") revalidatePath("/", "layout");
  return result;
}
