import Link from "next/link";
import { z } from "zod";

import { ClusterPlanView } from "@/components/cluster-plan-view";
import { ProposalSummary } from "@/components/proposal-summary";
import { ReviewForm } from "@/components/requests/review-form";
import { requirePageCaller } from "@/lib/auth/session";
import { listProvisioningAttention, listReviewQueue } from "@/lib/data/requests/get-request-detail";
import { REQUEST_TYPE_LABELS, REQUEST_TYPES, type RequestType } from "@/lib/domain/request-states";
import { REVIEW_STEP_LABELS } from "@/lib/domain/review-steps";

function waitingFor(since: Date): string {
  const minutes = Math.max(0, Math.round((Date.now() - since.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`;
}

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<{ type?: string; team?: string }> }) {
  const caller = await requirePageCaller();
  const filters = await searchParams;
  const type = REQUEST_TYPES.includes(filters.type as RequestType) ? (filters.type as RequestType) : undefined;
  const teamId = filters.team && z.uuid().safeParse(filters.team).success ? filters.team : undefined;
  const queue = await listReviewQueue(caller, { type, teamId });
  const provisioning = caller.isPlatformAdmin ? await listProvisioningAttention(caller) : [];
  const teamsInQueue = [...new Map(queue.map((request) => [request.teamId, request.teamName])).entries()];

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Review queue</h1>
      <p className="text-sm text-slate-700">
        Requests waiting for you, oldest first:{" "}
        {caller.isPlatformAdmin ? "those at the platform step, and " : ""}access requests to topics your teams own.
      </p>
      <form className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter the queue">
        <label className="space-y-1">
          <span className="block">Type</span>
          <select name="type" defaultValue={type ?? ""} className="rounded-md border border-slate-300 px-2 py-1">
            <option value="">All types</option>
            {REQUEST_TYPES.filter((value) => value !== "access_revocation").map((value) => (
              <option key={value} value={value}>
                {REQUEST_TYPE_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block">Requesting team</span>
          <select name="team" defaultValue={filters.team ?? ""} className="rounded-md border border-slate-300 px-2 py-1">
            <option value="">All teams</option>
            {teamsInQueue.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1">
          Filter
        </button>
      </form>
      {queue.length === 0 ? <p className="text-slate-600">Nothing is waiting for your review.</p> : null}
      <ol className="space-y-4">
        {queue.map((request) => (
          <li key={request.id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="queue-item">
            <div className="flex flex-wrap items-baseline gap-x-3">
              <h2 className="font-mono text-lg font-medium">
                <Link href={`/requests/${request.id}`} className="underline">
                  {request.topicName}
                </Link>
              </h2>
              <span className="text-sm text-slate-600">
                {REQUEST_TYPE_LABELS[request.type]} · {request.teamName} · {request.applicationName} · by {request.requestedBy} ·
                waiting {waitingFor(request.updatedAt)} · for {request.reviewStep ? REVIEW_STEP_LABELS[request.reviewStep] : "review"}
              </span>
            </div>
            <ProposalSummary type={request.type} payload={request.payload} />
            <ClusterPlanView plan={request.plan} />
            {request.reviewStep ? (
              <ReviewForm
                requestId={request.id}
                step={request.reviewStep}
                isLastStep={request.reviewSteps.indexOf(request.reviewStep) === request.reviewSteps.length - 1}
              />
            ) : null}
          </li>
        ))}
      </ol>
      {caller.isPlatformAdmin ? (
        <section aria-labelledby="provisioning-heading" className="space-y-2">
          <h2 id="provisioning-heading" className="text-lg font-medium">
            Provisioning in progress or failed ({provisioning.length})
          </h2>
          {provisioning.length === 0 ? (
            <p className="text-sm text-slate-600">No approved request is waiting for the cluster.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {provisioning.map((request) => (
                <li key={request.id}>
                  <Link href={`/requests/${request.id}`} className="font-mono underline">
                    {request.topicName}
                  </Link>{" "}
                  ({request.applicationName}): {request.state}
                  {request.failureReason ? <span className="text-red-800"> · {request.failureReason}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
