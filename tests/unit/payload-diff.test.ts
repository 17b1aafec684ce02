import { describe, expect, it } from "vitest";

import { diffPayloads } from "@/lib/domain/payload-diff";

const PROPOSAL = {
  domainId: "claims",
  name: "claims_contention_created",
  description: "A contention was added to a claim.",
  partitions: 6,
  retentionDays: 7,
  classification: "internal",
};

describe("diffPayloads", () => {
  it("identical payloads", () => {
    expect(diffPayloads(PROPOSAL, { ...PROPOSAL })).toEqual([]);
  });

  it("two empty payloads", () => {
    expect(diffPayloads({}, {})).toEqual([]);
  });

  it("one changed field", () => {
    expect(diffPayloads(PROPOSAL, { ...PROPOSAL, partitions: 12 })).toEqual([
      { field: "partitions", before: 6, after: 12 },
    ]);
  });

  it("lists changes sorted by field", () => {
    const after = { ...PROPOSAL, retentionDays: 14, description: "Updated.", classification: "confidential" };
    expect(diffPayloads(PROPOSAL, after).map((change) => change.field)).toEqual([
      "classification",
      "description",
      "retentionDays",
    ]);
  });

  it("added field before is null", () => {
    expect(diffPayloads({ a: 1 }, { a: 1, b: "new" })).toEqual([{ field: "b", before: null, after: "new" }]);
  });

  it("removed field after is null", () => {
    expect(diffPayloads({ a: 1, b: "old" }, { a: 1 })).toEqual([{ field: "b", before: "old", after: null }]);
  });

  it.each<{ name: string; before: Record<string, unknown>; after: Record<string, unknown> }>([
    { name: "missing and null", before: {}, after: { a: null } },
    { name: "undefined and null", before: { a: undefined }, after: { a: null } },
    { name: "missing and undefined", before: {}, after: { a: undefined } },
    { name: "top-level key order", before: { a: 1, b: 2 }, after: { b: 2, a: 1 } },
    { name: "equal arrays", before: { tags: ["a", "b"] }, after: { tags: ["a", "b"] } },
    { name: "equal nested objects", before: { x: { a: 1 } }, after: { x: { a: 1 } } },
  ])("no change: $name", ({ before, after }) => {
    expect(diffPayloads(before, after)).toEqual([]);
  });

  it.each<{ name: string; before: unknown; after: unknown }>([
    { name: "number to string", before: 1, after: "1" },
    { name: "zero to null", before: 0, after: null },
    { name: "false to null", before: false, after: null },
    { name: "empty string to null", before: "", after: null },
    { name: "reordered array", before: ["a", "b"], after: ["b", "a"] },
    { name: "nested value", before: { x: 1 }, after: { x: 2 } },
    { name: "nested key added", before: { x: 1 }, after: { x: 1, y: 2 } },
  ])("change: $name", ({ before, after }) => {
    expect(diffPayloads({ value: before }, { value: after })).toEqual([{ field: "value", before, after }]);
  });

  it("keeps falsy values as they are", () => {
    expect(diffPayloads({ value: 0 }, { value: false })).toEqual([{ field: "value", before: 0, after: false }]);
  });

  it("reports each field once", () => {
    const changes = diffPayloads({ a: 1, b: 1 }, { a: 2, b: 2 });
    expect(changes.map((change) => change.field)).toEqual(["a", "b"]);
  });
});
