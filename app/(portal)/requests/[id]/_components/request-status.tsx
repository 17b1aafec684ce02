"use client";

import { useQuery } from "@tanstack/react-query";

import { RequestStateBadge } from "@/components/request-state-badge";
import type { RequestState } from "@/lib/domain/request-states";

interface StatusPayload {
  state: RequestState;
  failureReason: string | null;
}

const IN_PROGRESS: RequestState[] = ["approved", "provisioning"];

/** Shows the request's state, polled every two seconds while provisioning is in progress. */
export function RequestStatus({ requestId, initial }: { requestId: string; initial: StatusPayload }) {
  const { data } = useQuery({
    queryKey: ["request-status", requestId],
    initialData: initial,
    queryFn: async (): Promise<StatusPayload> => {
      const response = await fetch(`/api/requests/${requestId}`, { cache: "no-store" });
      if (!response.ok) throw new Error(`Status request failed with HTTP ${response.status}`);
      return (await response.json()) as StatusPayload;
    },
    refetchInterval: (query) => (IN_PROGRESS.includes(query.state.data?.state ?? "submitted") ? 2_000 : false),
  });

  return (
    <div className="space-y-2" aria-live="polite">
      <p className="flex items-center gap-2 text-sm">
        State: <RequestStateBadge state={data.state} />
        {IN_PROGRESS.includes(data.state) ? <span className="text-slate-600">provisioning on the cluster…</span> : null}
      </p>
      {data.state === "failed" && data.failureReason ? (
        <p role="alert" data-testid="failure-reason" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {data.failureReason}
        </p>
      ) : null}
    </div>
  );
}
