import Link from "next/link";

import { requirePageCaller } from "@/lib/auth/session";
import { listCatalogTopics } from "@/lib/data/catalog/list-catalog-topics";
import { DATA_CLASSIFICATION_LABELS } from "@/lib/domain/environment";

export default async function CatalogPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  await requirePageCaller();
  const { q } = await searchParams;
  const topics = await listCatalogTopics(q);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Topic catalog</h1>
      <form role="search" className="flex gap-2">
        <label htmlFor="catalog-search" className="sr-only">
          Search topics
        </label>
        <input
          id="catalog-search"
          name="q"
          defaultValue={q}
          placeholder="Search by name, domain or description"
          className="w-full max-w-md rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm">
          Search
        </button>
      </form>
      {topics.length === 0 ? (
        <p className="text-slate-600">{q ? `No topic matches "${q}".` : "No topics have been provisioned yet."}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
              <tr>
                <th className="px-3 py-2">Topic</th>
                <th className="px-3 py-2">Domain</th>
                <th className="px-3 py-2">Owner team</th>
                <th className="px-3 py-2">Partitions</th>
                <th className="px-3 py-2">Retention</th>
                <th className="px-3 py-2">Data</th>
                <th className="px-3 py-2">Description</th>
              </tr>
            </thead>
            <tbody>
              {topics.map((topic) => (
                <tr key={topic.name} className="border-b border-slate-100 last:border-0">
                  <td className="px-3 py-2 font-mono">
                    <Link href={`/catalog/${topic.name}`} className="text-blue-700 underline">
                      {topic.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{topic.domain}</td>
                  <td className="px-3 py-2">{topic.ownerTeam}</td>
                  <td className="px-3 py-2">{topic.partitions}</td>
                  <td className="px-3 py-2">{topic.retentionDays} days</td>
                  <td className="px-3 py-2">{DATA_CLASSIFICATION_LABELS[topic.classification]}</td>
                  <td className="max-w-xs truncate px-3 py-2" title={topic.description}>
                    {topic.description}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
