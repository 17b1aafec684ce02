"use server";

import { revalidatePath } from "next/cache";

import { assertAllowed } from "@/lib/auth/assert-allowed";
import { getCaller } from "@/lib/auth/session";
import { describeDrift } from "@/lib/domain/drift";
import { ApplyDriftRepairsSchema } from "@/lib/domain/schemas";
import { reconcile } from "@/lib/provisioning/reconcile";

import type { ActionState } from "./action-state";
import { handleForm } from "./handle-form";


type RepairSummary = { repaired: string[]; failed: string[] };

export async function applyDriftRepairsAction(
  _previous: ActionState<RepairSummary>,
  formData: FormData,
): Promise<ActionState<RepairSummary>> {
  const result = await handleForm(
    { action: "applyDriftRepairsAction", schema: ApplyDriftRepairsSchema, formData, caller: getCaller, successMessage: "Repairs applied." },
    async (caller, input) => {
      assertAllowed(caller, "drift.apply");
      const { applied } = await reconcile({ dryRun: false, actorId: caller.userId, only: new Set(input.items) });
      return {
        repaired: applied.filter((entry) => !entry.error).map((entry) => describeDrift(entry.item)),
        failed: applied.filter((entry) => entry.error).map((entry) => `${describeDrift(entry.item)} ${entry.error}`),
      };
    },
  );
  revalidatePath("/admin/drift");
  return result;
}
