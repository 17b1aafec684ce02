"use server";

import { revalidatePath } from "next/cache";

import { getCaller } from "@/lib/auth/session";
import { revealCredential, type RevealedCredential } from "@/lib/data/credentials/reveal-credential";
import { RevealCredentialSchema } from "@/lib/domain/schemas";

import type { ActionState } from "./action-state";
import { handleForm } from "./handle-form";

/** Returns the new password in the action result only; it is never rendered from the server. */
export async function revealCredentialAction(
  _previous: ActionState<RevealedCredential>,
  formData: FormData,
): Promise<ActionState<RevealedCredential>> {
  const result = await handleForm(
    {
      action: "revealCredentialAction",
      schema: RevealCredentialSchema,
      formData,
      caller: getCaller,
      successMessage: "Copy the password now: Onramp does not keep it and cannot show it again.",
    },
    (caller, input) => revealCredential(caller, input.applicationId),
  );
  revalidatePath("/teams", "layout");
  return result;
}
