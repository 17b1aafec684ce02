import type { RequestComment } from "@/lib/data/requests/get-request-detail";
import { REVIEW_STEP_LABELS } from "@/lib/domain/review-steps";
import { formatUtc } from "@/lib/format";

const KIND_LABELS: Record<string, string> = {
  comment: "commented",
  submitted: "submitted the request",
  approved: "approved",
  rejected: "rejected",
  changes_requested: "requested changes",
  resubmitted: "resubmitted",
  cancelled: "cancelled the request",
};

/** The request's conversation, oldest first, with each decision and its comment. */
export function CommentThread({ comments }: { comments: RequestComment[] }) {
  if (comments.length === 0) return <p className="text-sm text-slate-600">No comments yet.</p>;
  return (
    <ol className="space-y-3" data-testid="comment-thread">
      {comments.map((comment) => (
        <li key={comment.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm" data-kind={comment.kind}>
          <p className="text-slate-600">
            <span className="font-medium text-slate-900">{comment.author}</span> {KIND_LABELS[comment.kind] ?? comment.kind}
            {comment.step ? ` as ${REVIEW_STEP_LABELS[comment.step]}` : ""} · {formatUtc(comment.createdAt)}
          </p>
          <p className="mt-1 whitespace-pre-wrap">{comment.body}</p>
        </li>
      ))}
    </ol>
  );
}
