import type { FieldChange } from "@/lib/domain/payload-diff";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** What the requester changed in their last resubmission, field by field. */
export function ChangesView({ changes, version }: { changes: FieldChange[]; version: number }) {
  return (
    <section aria-label="Changes in this version" className="rounded-lg border border-blue-200 bg-blue-50 p-4" data-testid="changes-view">
      <h2 className="text-lg font-medium">Changes in version {version}</h2>
      {changes.length === 0 ? (
        <p className="text-sm">Resubmitted without changes.</p>
      ) : (
        <table className="mt-2 w-full text-left text-sm">
          <thead className="text-slate-600">
            <tr>
              <th className="pr-3">Field</th>
              <th className="pr-3">Before</th>
              <th>After</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.field} data-field={change.field}>
                <td className="pr-3 font-mono">{change.field}</td>
                <td className="pr-3 text-red-800 line-through">{show(change.before)}</td>
                <td className="text-green-800">{show(change.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
