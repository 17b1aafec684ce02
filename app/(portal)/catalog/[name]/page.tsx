import { notFound } from "next/navigation";

import { authorize } from "@/lib/auth/policy";
import { requirePageCaller } from "@/lib/auth/session";
import { getCatalogTopic } from "@/lib/data/catalog/get-catalog-topic";
import { listCallerApplications } from "@/lib/data/teams/get-team-overview";
import { DATA_CLASSIFICATION_LABELS } from "@/lib/domain/environment";

import { RequestAccessForm } from "./_components/request-access-form";
import { RevokeForm } from "./_components/revoke-form";

export default async function TopicPage({ params }: { params: Promise<{ name: string }> }) {
  const caller = await requirePageCaller();
  const { name } = await params;
  let topicName: string;
  try {
    topicName = decodeURIComponent(name);
  } catch {
    notFound();
  }
  const topic = await getCatalogTopic(topicName);
  if (!topic) notFound();
  const consumers = (await listCallerApplications(caller)).filter((application) => application.kind !== "producer");
  const mayRevoke = authorize(caller, "grant.revoke", { topicOwnerTeamId: topic.ownerTeamId }).allowed;

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">Domain {topic.domain}</p>
        <h1 className="font-mono text-2xl font-semibold">{topic.name}</h1>
        <p className="mt-2 max-w-3xl">{topic.description}</p>
      </div>
      <dl className="grid max-w-3xl grid-cols-2 gap-3 text-sm md:grid-cols-3">
        <div>
          <dt className="text-slate-600">Owner team</dt>
          <dd>{topic.ownerTeam}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Environment</dt>
          <dd>{topic.environment}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Partitions</dt>
          <dd>{topic.partitions}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Retention</dt>
          <dd>{topic.retentionDays} days</dd>
        </div>
        <div>
          <dt className="text-slate-600">Data classification</dt>
          <dd>{DATA_CLASSIFICATION_LABELS[topic.classification]}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Provisioned</dt>
          <dd>{topic.provisionedAt?.toISOString().slice(0, 10) ?? "not yet"}</dd>
        </div>
      </dl>
      <section aria-labelledby="applications-heading">
        <h2 id="applications-heading" className="text-lg font-medium">
          Producers and consumers
        </h2>
        <ul className="mt-2 space-y-2 text-sm">
          {topic.applications.map((application) => (
            <li key={application.grantId} className="flex flex-wrap items-start gap-3" data-testid="grant">
              <span>
                <span className="font-mono">{application.name}</span> ({application.team}) · {application.role}
              </span>
              {mayRevoke ? <RevokeForm grantId={application.grantId} applicationName={application.name} /> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="access-heading" className="max-w-xl rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="access-heading" className="text-lg font-medium">
          Request read access
        </h2>
        {consumers.length === 0 ? (
          <p className="text-sm text-slate-600">
            Register a consuming application in one of your teams first, then request access here.
          </p>
        ) : (
          <RequestAccessForm topicName={topic.name} applications={consumers} />
        )}
      </section>
    </div>
  );
}
