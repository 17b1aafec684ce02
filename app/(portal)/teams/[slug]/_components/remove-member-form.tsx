"use client";

import { useActionState } from "react";

import { IDLE } from "@/lib/actions/action-state";
import { removeTeamMemberAction } from "@/lib/actions/remove-team-member";

export function RemoveMemberForm({ teamId, email }: { teamId: string; email: string }) {
  const [state, formAction, pending] = useActionState(removeTeamMemberAction, IDLE);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="email" value={email} />
      <button type="submit" disabled={pending} className="ml-2 text-xs text-red-800 underline disabled:opacity-60">
        Remove {email}
      </button>
      {state.status === "error" ? (
        <span role="alert" className="ml-2 text-xs text-red-800">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
