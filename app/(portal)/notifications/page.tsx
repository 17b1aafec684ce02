import Link from "next/link";

import { requirePageCaller } from "@/lib/auth/session";
import { listNotifications } from "@/lib/data/notifications/list-notifications";
import { formatUtc } from "@/lib/format";

import { MarkReadForm } from "./_components/mark-read-form";

export default async function NotificationsPage() {
  const caller = await requirePageCaller();
  const items = await listNotifications(caller);
  const unread = items.filter((item) => !item.readAt).length;

  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">Notifications</h1>
      <p className="text-sm text-slate-700">
        You are told when a request of your team changes, when a request waits for your review, and, as an
        administrator, when provisioning fails. Nobody is told about their own actions.
      </p>
      {unread > 0 ? <MarkReadForm label={`Mark all ${unread} as read`} /> : null}
      {items.length === 0 ? <p className="text-slate-600">No notifications yet.</p> : null}
      <ul className="space-y-2" data-testid="notifications">
        {items.map((item) => (
          <li
            key={item.id}
            className={`rounded-md border p-3 text-sm ${item.readAt ? "border-slate-200 bg-white" : "border-blue-300 bg-blue-50"}`}
          >
            <p>{item.message}</p>
            <p className="mt-1 flex flex-wrap items-center gap-3 text-xs text-slate-600">
              {formatUtc(item.createdAt)}
              {item.requestId ? (
                <Link href={`/requests/${item.requestId}`} className="underline">
                  Open the request
                </Link>
              ) : null}
              {item.readAt ? null : <MarkReadForm notificationId={item.id} label="Mark as read" />}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
