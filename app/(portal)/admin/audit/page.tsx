import Link from "next/link";

import { requirePageCaller } from "@/lib/auth/session";
import { listAuditEvents, type AuditFilters } from "@/lib/data/audit/list-audit-events";
import { verifyAuditLog } from "@/lib/data/audit/verify-audit-log";
import { getDb } from "@/lib/db";
import { describeChainProblem } from "@/lib/domain/audit-chain";
import { formatUtc } from "@/lib/format";

const PAGE_SIZE = 200;

export default async function AuditPage({ searchParams }: { searchParams: Promise<AuditFilters & { actor?: string }> }) {
  const caller = await requirePageCaller();
  if (!caller.isPlatformAdmin) return <p role="alert">Only platform administrators can read the audit log.</p>;
  const params = await searchParams;
  const filters: AuditFilters = { ...params, actorEmail: params.actor };
  const [events, verification] = await Promise.all([listAuditEvents(caller, filters, PAGE_SIZE), verifyAuditLog(await getDb())]);
  const query = new URLSearchParams(Object.entries(params).filter(([, value]) => typeof value === "string" && value) as Array<[string, string]>);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <p
        role="status"
        className={`rounded-md p-3 text-sm ${verification.problem ? "bg-red-50 text-red-800" : "bg-green-50 text-green-800"}`}
      >
        {verification.problem
          ? `Chain broken: ${describeChainProblem(verification.problem)}`
          : `Hash chain intact over ${verification.events} events.`}
      </p>
      <form className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter the audit log">
        {[
          ["action", "Action", "request.approved"],
          ["actor", "Actor email", "name@example.org"],
          ["requestId", "Request id", ""],
          ["from", "From (YYYY-MM-DD)", ""],
          ["to", "To (YYYY-MM-DD)", ""],
        ].map(([name, label, placeholder]) => (
          <label key={name} className="space-y-1">
            <span className="block">{label}</span>
            <input
              name={name}
              defaultValue={(params as Record<string, string | undefined>)[name!] ?? ""}
              placeholder={placeholder}
              className="rounded-md border border-slate-300 px-2 py-1"
            />
          </label>
        ))}
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1">
          Filter
        </button>
        <a href={`/api/audit/export?${query.toString()}`} className="rounded-md bg-blue-700 px-3 py-1 text-white">
          Export CSV
        </a>
      </form>
      <p className="text-xs text-slate-600">Newest first; the page shows up to {PAGE_SIZE} events and the export up to 100,000.</p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-xs">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th className="px-2 py-1">#</th>
              <th className="px-2 py-1">When</th>
              <th className="px-2 py-1">Action</th>
              <th className="px-2 py-1">Actor</th>
              <th className="px-2 py-1">Entity</th>
              <th className="px-2 py-1">Request</th>
              <th className="px-2 py-1">After</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.seq} className="border-t border-slate-100 align-top">
                <td className="px-2 py-1">{event.seq}</td>
                <td className="px-2 py-1 whitespace-nowrap">{formatUtc(event.at)}</td>
                <td className="px-2 py-1 font-mono">{event.action}</td>
                <td className="px-2 py-1">{event.actor ?? "system"}</td>
                <td className="px-2 py-1 font-mono">
                  {event.entityType} {event.entityId.slice(0, 8)}
                </td>
                <td className="px-2 py-1">
                  {event.requestId ? (
                    <Link href={`/requests/${event.requestId}`} className="underline">
                      {event.requestId.slice(0, 8)}
                    </Link>
                  ) : null}
                </td>
                <td className="max-w-md truncate px-2 py-1 font-mono" title={JSON.stringify(event.after)}>
                  {JSON.stringify(event.after)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
