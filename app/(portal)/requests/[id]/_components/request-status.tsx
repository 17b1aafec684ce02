"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

import { RequestStateBadge } from "@/components/request-state-badge";
import type { ProvisioningProgress } from "@/lib/data/requests/get-provisioning-progress";
import { PROVISIONING_STEP_LABELS, type ProvisioningStepName } from "@/lib/domain/provisioning";
import type { RequestState } from "@/lib/domain/request-states";
import { formatUtc } from "@/lib/format";

interface StatusPayload {
  state: RequestState;
  failureReason: string | null;
  progress: ProvisioningProgress | null;
}

const IN_PROGRESS: RequestState[] = ["approved", "provisioning"];

const STEP_MARKS: Record<ProvisioningProgress["steps"][number]["state"], string> = {
  pending: "○",
  running: "◐",
  done: "●",
  failed: "✕",
};

/** Shows the request's state and its provisioning steps, polled every second while they run. */
export function RequestStatus({ requestId, initial }: { requestId: string; initial: StatusPayload }) {
  const { data, error } = useQuery({
    queryKey: ["request-status", requestId, initial.state], // a new server-rendered state restarts polling
    initialData: initial,
    queryFn: async (): Promise<StatusPayload> => {
      const response = await fetch(`/api/requests/${requestId}`, { cache: "no-store" });
      if (!response.ok) throw new Error(`Loading the request state failed with HTTP ${response.status}`);
      return (await response.json()) as StatusPayload;
    },
    refetchInterval: (query) => (IN_PROGRESS.includes(query.state.data?.state ?? "submitted") ? 1_000 : false),
  });
  const progress = data.progress;

  // The server-rendered parts of the page (links, the retry button) depend on the state, so the
  // page renders again whenever polling finds a new state.
  const router = useRouter();
  const renderedState = useRef(initial.state);
  useEffect(() => {
    if (data.state !== renderedState.current) {
      renderedState.current = data.state;
      router.refresh();
    }
  }, [data.state, router]);

  return (
    <div className="space-y-3" aria-live="polite">
      <p className="flex items-center gap-2 text-sm">
        State: <RequestStateBadge state={data.state} />
        {IN_PROGRESS.includes(data.state) ? <span className="text-slate-600">provisioning on the cluster…</span> : null}
      </p>
      {error ? <p className="text-sm text-amber-800">{error.message}; showing the last known state.</p> : null}
      {data.state === "failed" && data.failureReason ? (
        <p role="alert" data-testid="failure-reason" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {data.failureReason}
        </p>
      ) : null}
      {progress ? (
        <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <p className="text-slate-600">
            Provisioning job: {progress.state}, attempt {progress.attempts} of {progress.maxAttempts}
            {progress.nextAttemptAt && progress.attempts > 0 ? `, next attempt at ${formatUtc(progress.nextAttemptAt)}` : ""}
          </p>
          <ol className="mt-2 space-y-1" data-testid="provisioning-steps">
            {progress.steps.map((step) => (
              <li key={step.name} data-step={step.name} data-state={step.state}>
                <span aria-hidden="true">{STEP_MARKS[step.state]}</span>{" "}
                {PROVISIONING_STEP_LABELS[step.name as ProvisioningStepName] ?? step.name}: {step.state}
                {step.durationMs !== null && step.state === "done" ? ` (${step.durationMs} ms)` : ""}
                {step.attempts > 1 ? `, ${step.attempts} attempts` : ""}
                {step.note ? <span className="block pl-5 text-xs text-amber-800">{step.note}</span> : null}
                {step.lastError && step.state !== "done" ? (
                  <span className="block pl-5 text-xs text-red-700">{step.lastError}</span>
                ) : null}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </div>
  );
}
