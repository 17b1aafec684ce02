"use client";

import { useActionState } from "react";

import { IDLE } from "@/lib/actions/action-state";
import { markNotificationsReadAction } from "@/lib/actions/mark-notifications-read";

export function MarkReadForm({ notificationId, label }: { notificationId?: string; label: string }) {
  const [state, formAction, pending] = useActionState(markNotificationsReadAction, IDLE);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="scope" value={notificationId ? "one" : "all"} />
      <input type="hidden" name="notificationId" value={notificationId ?? ""} />
      <button type="submit" disabled={pending} className="underline disabled:opacity-60">
        {label}
      </button>
      {state.status === "error" ? <span role="alert" className="ml-2 text-red-800">{state.message}</span> : null}
    </form>
  );
}
