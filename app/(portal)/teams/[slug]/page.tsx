import Link from "next/link";
import { formatUtc } from "@/lib/format";
import { notFound } from "next/navigation";

import { RequestStateBadge } from "@/components/request-state-badge";
import { withAccessCheck } from "@/components/with-access-check";
import type { Caller } from "@/lib/auth/caller";
import { authorize } from "@/lib/auth/policy";
import { requirePageCaller } from "@/lib/auth/session";
import { getTeamOverview } from "@/lib/data/teams/get-team-overview";
import { REQUEST_TYPE_LABELS } from "@/lib/domain/request-states";

import { AddMemberForm } from "./_components/add-member-form";
import { CredentialPanel } from "./_components/credential-panel";
import { RegisterApplicationForm } from "./_components/register-application-form";
import { RemoveMemberForm } from "./_components/remove-member-form";

export default async function TeamPage({ params }: { params: Promise<{ slug: string }> }) {
  const caller = await requirePageCaller();
  const { slug } = await params;
  return withAccessCheck(() => renderTeam(caller, slug));
}

async function renderTeam(caller: Caller, slug: string) {
  const team = await getTeamOverview(caller, slug);
  if (!team) notFound();
  const mayManage = authorize(caller, "team.manage_members", { teamId: team.id }).allowed;

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{team.name}</h1>

      <section aria-labelledby="applications-heading" className="space-y-3">
        <h2 id="applications-heading" className="text-lg font-medium">
          Applications
        </h2>
        {team.applications.length === 0 ? (
          <p className="text-sm text-slate-600">No applications yet; register one below.</p>
        ) : (
          <ul className="grid gap-3 md:grid-cols-2">
            {team.applications.map((application) => (
              <li key={application.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
                <div>
                  <h3 className="font-mono font-medium">{application.name}</h3>
                  <p className="text-xs text-slate-600">
                    {application.kind}
                    {application.transactional ? ", transactional" : ""}
                  </p>
                  <p className="text-sm">{application.description}</p>
                </div>
                <CredentialPanel
                  applicationId={application.id}
                  applicationName={application.name}
                  credential={
                    application.credential
                      ? {
                          username: application.credential.username,
                          ready: application.credential.readyAt !== null,
                          revealedAt: application.credential.revealedAt?.toISOString() ?? null,
                        }
                      : null
                  }
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="requests-heading" className="space-y-3">
        <h2 id="requests-heading" className="text-lg font-medium">
          Requests
        </h2>
        {team.requests.length === 0 ? (
          <p className="text-sm text-slate-600">
            No requests yet. <Link href="/topics/new" className="underline">Propose a topic</Link> or request access
            from the <Link href="/catalog" className="underline">catalog</Link>.
          </p>
        ) : (
          <table className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th className="px-3 py-2">Request</th>
                <th className="px-3 py-2">Topic</th>
                <th className="px-3 py-2">Application</th>
                <th className="px-3 py-2">State</th>
                <th className="px-3 py-2">Submitted</th>
              </tr>
            </thead>
            <tbody>
              {team.requests.map((request) => (
                <tr key={request.id} className="border-t border-slate-100">
                  <td className="px-3 py-2">
                    <Link href={`/requests/${request.id}`} className="text-blue-700 underline">
                      {REQUEST_TYPE_LABELS[request.type]}
                    </Link>
                  </td>
                  <td className="px-3 py-2 font-mono">{request.topicName}</td>
                  <td className="px-3 py-2 font-mono">{request.applicationName}</td>
                  <td className="px-3 py-2">
                    <RequestStateBadge state={request.state} />
                  </td>
                  <td className="px-3 py-2">{formatUtc(request.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="members-heading" className="space-y-3">
        <h2 id="members-heading" className="text-lg font-medium">
          Members
        </h2>
        <ul className="space-y-1 text-sm">
          {team.members.map((member) => (
            <li key={member.email}>
              {member.name} <span className="text-slate-600">({member.email}, {member.role})</span>
              {mayManage ? <RemoveMemberForm teamId={team.id} email={member.email} /> : null}
            </li>
          ))}
        </ul>
        {mayManage ? <AddMemberForm teamId={team.id} /> : null}
      </section>

      {mayManage ? (
        <section aria-labelledby="register-heading" className="max-w-xl rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="register-heading" className="text-lg font-medium">
            Register an application
          </h2>
          <RegisterApplicationForm teamId={team.id} />
        </section>
      ) : (
        <p className="text-sm text-slate-600">Only the team&apos;s owners register applications and manage members.</p>
      )}
    </div>
  );
}
