export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Lists the top-level fields whose values differ between two versions of a payload. */
export function diffPayloads(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}
