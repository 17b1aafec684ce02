import { DATA_CLASSIFICATION_LABELS, type DataClassification } from "@/lib/domain/environment";
import type { RequestType } from "@/lib/domain/request-states";

/** Shows what the requester wrote: the topic proposal or the reason for access. */
export function ProposalSummary({ type, payload }: { type: RequestType; payload: unknown }) {
  const fields = (payload ?? {}) as Record<string, unknown>;

  if (type === "access_revocation") {
    return (
      <p className="text-sm">
        <span className="text-slate-600">Revoked {String(fields.role ?? "")} access because: </span>
        {String(fields.reason ?? "")}
      </p>
    );
  }
  if (type === "topic_access") {
    return (
      <p className="text-sm">
        <span className="text-slate-600">Why: </span>
        {String(fields.justification ?? "")}
      </p>
    );
  }
  return (
    <dl className="grid grid-cols-2 gap-2 text-sm md:grid-cols-4">
      <div className="col-span-2 md:col-span-4">
        <dt className="text-slate-600">Description</dt>
        <dd>{String(fields.description ?? "")}</dd>
      </div>
      <div>
        <dt className="text-slate-600">Partitions</dt>
        <dd>{String(fields.partitions ?? "")}</dd>
      </div>
      <div>
        <dt className="text-slate-600">Retention</dt>
        <dd>{String(fields.retentionDays ?? "")} days</dd>
      </div>
      <div className="col-span-2">
        <dt className="text-slate-600">Data classification</dt>
        <dd>{DATA_CLASSIFICATION_LABELS[fields.classification as DataClassification] ?? "unknown"}</dd>
      </div>
    </dl>
  );
}
