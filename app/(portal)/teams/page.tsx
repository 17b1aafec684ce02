import Link from "next/link";

import { requirePageCaller } from "@/lib/auth/session";

import { CreateTeamForm } from "./_components/create-team-form";

export default async function TeamsPage() {
  const caller = await requirePageCaller();

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">My teams</h1>
      {caller.teams.length === 0 ? (
        <p className="text-slate-600">You are not a member of any team yet.</p>
      ) : (
        <ul className="space-y-2">
          {caller.teams.map((team) => (
            <li key={team.id}>
              <Link href={`/teams/${team.slug}`} className="text-blue-700 underline">
                {team.name}
              </Link>{" "}
              <span className="text-sm text-slate-600">({team.role})</span>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="create-team" className="max-w-md rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="create-team" className="text-lg font-medium">
          Create a team
        </h2>
        <CreateTeamForm />
      </section>
    </div>
  );
}
