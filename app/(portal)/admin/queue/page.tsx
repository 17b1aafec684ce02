import Link from "next/link";

import { ClusterPlanView } from "@/components/cluster-plan-view";
import { ProposalSummary } from "@/components/proposal-summary";
import { requirePageCaller } from "@/lib/auth/session";
import { listProvisioningAttention, listReviewQueue } from "@/lib/data/requests/get-request-detail";
import { REQUEST_TYPE_LABELS } from "@/lib/domain/request-states";

import { ReviewForm } from "./_components/review-form";

function waitingFor(since: Date): string {
  const minutes = Math.max(0, Math.round((Date.now() - since.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`;
}

export default async function ApprovalQueuePage() {
  const caller = await requirePageCaller();
  if (!caller.isPlatformAdmin) {
    return <p role="alert">Only platform administrators can see the approval queue.</p>;
  }
  const [queue, provisioning] = await Promise.all([listReviewQueue(caller), listProvisioningAttention(caller)]);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Approval queue</h1>
      {queue.length === 0 ? <p className="text-slate-600">Nothing is waiting for review.</p> : null}
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
                {REQUEST_TYPE_LABELS[request.type]} · {request.teamName} · {request.applicationName} · by{" "}
                {request.requestedBy} · waiting {waitingFor(request.createdAt)}
              </span>
            </div>
            <ProposalSummary type={request.type} payload={request.payload} />
            <ClusterPlanView plan={request.plan} />
            {request.callerMayReview ? (
              <ReviewForm requestId={request.id} />
            ) : (
              <p className="text-sm text-slate-600">
                This request comes from your own team; another platform administrator must review it.
              </p>
            )}
          </li>
        ))}
      </ol>
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
    </div>
  );
}
