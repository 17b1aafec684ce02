import { requirePageCaller } from "@/lib/auth/session";
import { describeDrift, isRepairable } from "@/lib/domain/drift";
import { reconcile } from "@/lib/provisioning/reconcile";

import { ApplyRepairsForm } from "./_components/apply-repairs-form";

export const dynamic = "force-dynamic";

export default async function DriftPage() {
  const caller = await requirePageCaller();
  if (!caller.isPlatformAdmin) {
    return <p role="alert">Only platform administrators can see cluster drift.</p>;
  }

  let items;
  try {
    ({ items } = await reconcile({ dryRun: true, actorId: caller.userId }));
  } catch (error) {
    return (
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Cluster drift</h1>
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          The cluster could not be read: {error instanceof Error ? error.message : String(error)}. Check that it is
          reachable and reload.
        </p>
      </div>
    );
  }
  const repairable = items.filter(isRepairable);
  const manual = items.filter((item) => !isRepairable(item) && !item.kind.startsWith("unmanaged"));
  const unmanaged = items.filter((item) => item.kind.startsWith("unmanaged"));

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Cluster drift</h1>
      <p className="text-sm text-slate-700">
        What the cluster holds compared with what Onramp has approved. Repairs change only what Onramp manages;
        unmanaged topics and principals are listed and never touched.
      </p>
      <DriftList title="Repairable" testId="drift-repairable" lines={repairable.map(describeDrift)} empty="Nothing to repair." />
      {repairable.length > 0 ? <ApplyRepairsForm items={repairable.map(describeDrift)} /> : null}
      <DriftList title="Needs a person" testId="drift-manual" lines={manual.map(describeDrift)} empty="Nothing." />
      <DriftList title="Not managed by Onramp" testId="drift-unmanaged" lines={unmanaged.map(describeDrift)} empty="Nothing." />
    </div>
  );
}

function DriftList({ title, lines, empty, testId }: { title: string; lines: string[]; empty: string; testId: string }) {
  return (
    <section aria-label={title} data-testid={testId}>
      <h2 className="text-lg font-medium">
        {title} ({lines.length})
      </h2>
      {lines.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
