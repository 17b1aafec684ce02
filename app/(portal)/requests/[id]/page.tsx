import Link from "next/link";
import { formatUtc } from "@/lib/format";
import { notFound } from "next/navigation";
import { z } from "zod";

import { ClusterPlanView } from "@/components/cluster-plan-view";
import { ProposalSummary } from "@/components/proposal-summary";
import { requirePageCaller } from "@/lib/auth/session";
import { getProvisioningProgress } from "@/lib/data/requests/get-provisioning-progress";
import { getRequestDetail } from "@/lib/data/requests/get-request-detail";
import { REQUEST_TYPE_LABELS } from "@/lib/domain/request-states";

import { RequestStatus } from "./_components/request-status";
import { RetryForm } from "./_components/retry-form";
import { ReviewForm } from "../../admin/queue/_components/review-form";

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requirePageCaller();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const request = await getRequestDetail(caller, id);
  if (!request) notFound();
  const progress = await getProvisioningProgress(request.id);

  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          {REQUEST_TYPE_LABELS[request.type]} · {request.teamName} · submitted by {request.requestedBy} on{" "}
          {formatUtc(request.createdAt)}
        </p>
        <h1 className="font-mono text-2xl font-semibold">{request.topicName}</h1>
      </div>
      <ProposalSummary type={request.type} payload={request.payload} />
      <RequestStatus requestId={request.id} initial={{ state: request.state, failureReason: request.failureReason, progress }} />
      {request.reviewComment ? (
        <div className="rounded-md border border-slate-200 bg-white p-3 text-sm">
          <p className="text-slate-600">
            Review by {request.reviewedBy} on {request.reviewedAt ? formatUtc(request.reviewedAt) : ""}
          </p>
          <p>{request.reviewComment}</p>
        </div>
      ) : null}
      <section aria-labelledby="plan-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="plan-heading" className="mb-2 text-lg font-medium">
          Changes on the cluster
        </h2>
        <ClusterPlanView plan={request.plan} />
      </section>
      {request.state === "provisioned" ? (
        <p className="text-sm">
          The application&apos;s team finds its credential on the{" "}
          <Link href="/teams" className="underline">
            team page
          </Link>
          ; the topic is in the <Link href={`/catalog/${request.topicName}`} className="underline">catalog</Link>.
        </p>
      ) : null}
      {request.callerMayReview && request.state === "submitted" ? <ReviewForm requestId={request.id} /> : null}
      {caller.isPlatformAdmin && request.state === "failed" ? <RetryForm requestId={request.id} /> : null}
    </div>
  );
}
