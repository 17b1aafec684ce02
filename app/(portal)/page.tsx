import Link from "next/link";

import { requirePageCaller } from "@/lib/auth/session";

export default async function HomePage() {
  const caller = await requirePageCaller();

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Welcome, {caller.name}</h1>
      <div className="grid gap-4 md:grid-cols-3">
        <Link href="/catalog" className="rounded-lg border border-slate-200 bg-white p-4 hover:border-blue-400">
          <h2 className="font-medium">Browse the catalog</h2>
          <p className="text-sm text-slate-600">Find topics, their owners and who reads them; request read access.</p>
        </Link>
        <Link href="/topics/new" className="rounded-lg border border-slate-200 bg-white p-4 hover:border-blue-400">
          <h2 className="font-medium">Propose a topic</h2>
          <p className="text-sm text-slate-600">Publish a new business event from one of your applications.</p>
        </Link>
        <Link href="/teams" className="rounded-lg border border-slate-200 bg-white p-4 hover:border-blue-400">
          <h2 className="font-medium">My teams</h2>
          <p className="text-sm text-slate-600">Applications, credentials and the state of your requests.</p>
        </Link>
      </div>
      {caller.teams.length === 0 ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm">
          You are not in a team yet. <Link href="/teams" className="underline">Create one</Link> to register
          applications.
        </p>
      ) : null}
    </div>
  );
}
