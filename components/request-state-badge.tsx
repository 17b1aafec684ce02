import type { RequestState } from "@/lib/domain/request-states";

const STYLES: Record<RequestState, string> = {
  draft: "bg-slate-100 text-slate-800",
  submitted: "bg-amber-100 text-amber-900",
  changes_requested: "bg-orange-100 text-orange-900",
  cancelled: "bg-slate-200 text-slate-800",
  approved: "bg-blue-100 text-blue-900",
  provisioning: "bg-blue-100 text-blue-900",
  provisioned: "bg-green-100 text-green-900",
  rejected: "bg-slate-200 text-slate-800",
  failed: "bg-red-100 text-red-900",
};

export function RequestStateBadge({ state }: { state: RequestState }) {
  return (
    <span data-testid="request-state" className={`rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[state]}`}>
      {state}
    </span>
  );
}
