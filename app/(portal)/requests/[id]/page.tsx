import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";

import { ClusterPlanView } from "@/components/cluster-plan-view";
import { ProposalSummary } from "@/components/proposal-summary";
import { ChangesView } from "@/components/requests/changes-view";
import { CommentThread } from "@/components/requests/comment-thread";
import { ReviewForm } from "@/components/requests/review-form";
import { withAccessCheck } from "@/components/with-access-check";
import type { Caller } from "@/lib/auth/caller";
import { requirePageCaller } from "@/lib/auth/session";
import { listDomains } from "@/lib/data/domains/list-domains";
import { getProvisioningProgress } from "@/lib/data/requests/get-provisioning-progress";
import { getRequestDetail } from "@/lib/data/requests/get-request-detail";
import { REQUEST_TYPE_LABELS } from "@/lib/domain/request-states";
import { REVIEW_STEP_LABELS } from "@/lib/domain/review-steps";
import { formatUtc } from "@/lib/format";

import { CancelForm, CommentForm, ReviseAccessForm, ReviseTopicForm } from "./_components/request-forms";
import { RequestStatus } from "./_components/request-status";
import { RetryForm } from "./_components/retry-form";

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requirePageCaller();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  return withAccessCheck(() => renderRequest(caller, id));
}

async function renderRequest(caller: Caller, id: string) {
  const request = await getRequestDetail(caller, id);
  if (!request) notFound();
  const progress = await getProvisioningProgress(request.id);
  const payload = request.payload as Record<string, unknown>;
  const step = request.reviewStep;

  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          {REQUEST_TYPE_LABELS[request.type]} · {request.teamName} · {request.applicationName} · by {request.requestedBy} on{" "}
          {formatUtc(request.createdAt)} · version {request.version}
        </p>
        <h1 className="font-mono text-2xl font-semibold">{request.topicName}</h1>
      </div>
      <ProposalSummary type={request.type} payload={request.payload} />
      <RequestStatus requestId={request.id} initial={{ state: request.state, failureReason: request.failureReason, progress }} />
      {request.state === "submitted" && step ? (
        <p className="text-sm" data-testid="review-step">
          Waiting for {REVIEW_STEP_LABELS[step]}
          {request.reviewSteps.length > 1 ? ` (step ${request.reviewSteps.indexOf(step) + 1} of ${request.reviewSteps.length})` : ""}.
        </p>
      ) : null}
      {request.version > 1 ? <ChangesView changes={request.lastChanges} version={request.version} /> : null}

      <section aria-labelledby="plan-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="plan-heading" className="mb-2 text-lg font-medium">
          Changes on the cluster
        </h2>
        <ClusterPlanView plan={request.plan} />
      </section>

      {request.state === "provisioned" && request.type !== "access_revocation" ? (
        <p className="text-sm">
          The application&apos;s team finds its credential on the{" "}
          <Link href="/teams" className="underline">
            team page
          </Link>
          ; the topic is in the <Link href={`/catalog/${request.topicName}`} className="underline">catalog</Link>.
        </p>
      ) : null}
      {request.may.review && step ? (
        <ReviewForm requestId={request.id} step={step} isLastStep={request.reviewSteps.indexOf(step) === request.reviewSteps.length - 1} />
      ) : null}
      {request.may.retry ? <RetryForm requestId={request.id} /> : null}
      {request.may.edit && request.type === "new_topic" ? (
        <ReviseTopicForm
          requestId={request.id}
          domains={await listDomains()}
          current={{
            domainId: String(payload.domainId),
            name: String(payload.name),
            description: String(payload.description),
            partitions: Number(payload.partitions),
            retentionDays: Number(payload.retentionDays),
            classification: String(payload.classification),
          }}
        />
      ) : null}
      {request.may.edit && request.type === "topic_access" ? (
        <ReviseAccessForm requestId={request.id} justification={String(payload.justification ?? "")} />
      ) : null}

      <section aria-labelledby="conversation-heading" className="space-y-3">
        <h2 id="conversation-heading" className="text-lg font-medium">
          Conversation
        </h2>
        <CommentThread comments={request.comments} />
        {request.may.comment ? <CommentForm requestId={request.id} /> : null}
      </section>
      {request.may.cancel ? <CancelForm requestId={request.id} /> : null}
    </div>
  );
}
