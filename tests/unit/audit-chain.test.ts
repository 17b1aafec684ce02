import { describe, expect, it } from "vitest";

import {
  canonicalJson,
  describeChainProblem,
  findChainProblem,
  hashAuditEvent,
  type ChainedAuditFields,
  type ChainProblem,
} from "@/lib/domain/audit-chain";

type StoredEvent = ChainedAuditFields & { hash: string };

/** Builds the fields of event `seq` as recordAuditEvent does, before the hash is added. */
function fieldsFor(seq: number, prevHash: string | null): ChainedAuditFields {
  return {
    seq,
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, "0")}`,
    at: new Date(Date.UTC(2024, 4, 1, 12, 0, seq)).toISOString(),
    actorId: "user-1",
    action: "request.submitted",
    requestId: `request-${seq}`,
    entityType: "request",
    entityId: `request-${seq}`,
    before: seq === 1 ? null : { state: "draft", revision: seq - 1 },
    after: { state: "submitted", revision: seq, tags: ["claims", "pii"] },
    prevHash,
  };
}

/** Adds the hash as recordAuditEvent does, computed over the fields without the hash itself. */
function stored(fields: ChainedAuditFields): StoredEvent {
  return { ...fields, hash: hashAuditEvent(fields) };
}

/** Builds `count` linked events that follow `previous`, or start the chain when it is null. */
function buildChain(count: number, previous: { seq: number; hash: string } | null = null): StoredEvent[] {
  const events: StoredEvent[] = [];
  let last = previous;
  for (let index = 0; index < count; index += 1) {
    const event = stored(fieldsFor((last?.seq ?? 0) + 1, last?.hash ?? null));
    events.push(event);
    last = { seq: event.seq, hash: event.hash };
  }
  return events;
}

/** Returns the fields of an event without its stored hash. */
function withoutHash(event: StoredEvent): ChainedAuditFields {
  const { hash: _hash, ...fields } = event;
  return fields;
}

const BASE = fieldsFor(2, "a".repeat(64));

describe("canonicalJson", () => {
  it.each<{ name: string; value: unknown; json: string }>([
    { name: "string", value: "claims", json: '"claims"' },
    { name: "escaped string", value: 'a"b\n', json: '"a\\"b\\n"' },
    { name: "integer", value: 42, json: "42" },
    { name: "decimal", value: 1.5, json: "1.5" },
    { name: "boolean", value: false, json: "false" },
    { name: "null", value: null, json: "null" },
    { name: "top-level undefined", value: undefined, json: "null" },
    { name: "empty object", value: {}, json: "{}" },
    { name: "empty array", value: [], json: "[]" },
  ])("serialises $name", ({ value, json }) => {
    expect(canonicalJson(value)).toBe(json);
  });

  it("sorts top-level keys", () => {
    expect(canonicalJson({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
  });

  it.each<{ name: string; left: unknown; right: unknown }>([
    { name: "top level", left: { a: 1, b: 2 }, right: { b: 2, a: 1 } },
    { name: "second level", left: { x: { a: 1, b: 2 } }, right: { x: { b: 2, a: 1 } } },
    {
      name: "third level",
      left: { z: 0, x: { m: { a: 1, b: [1, 2] }, n: null } },
      right: { x: { n: null, m: { b: [1, 2], a: 1 } }, z: 0 },
    },
    { name: "inside arrays", left: [{ a: 1, b: { c: 1, d: 2 } }], right: [{ b: { d: 2, c: 1 }, a: 1 }] },
  ])("key order ignored at $name", ({ left, right }) => {
    expect(canonicalJson(left)).toBe(canonicalJson(right));
  });

  it("sorts keys inside arrays", () => {
    expect(canonicalJson([{ b: 1, a: 2 }])).toBe('[{"a":2,"b":1}]');
  });

  it("keeps array order", () => {
    expect(canonicalJson([3, 1, 2])).toBe("[3,1,2]");
  });

  it("distinguishes reordered arrays", () => {
    expect(canonicalJson({ tags: ["a", "b"] })).not.toBe(canonicalJson({ tags: ["b", "a"] }));
  });

  it.each<{ name: string; value: unknown; json: string }>([
    { name: "top level", value: { a: 1, b: undefined }, json: '{"a":1}' },
    { name: "nested", value: { x: { a: undefined, b: 2 } }, json: '{"x":{"b":2}}' },
    { name: "only key", value: { a: undefined }, json: "{}" },
  ])("drops undefined keys at $name", ({ value, json }) => {
    expect(canonicalJson(value)).toBe(json);
  });

  it("keeps null-valued keys", () => {
    expect(canonicalJson({ a: null })).toBe('{"a":null}');
  });

  it("writes undefined array items as null", () => {
    expect(canonicalJson([1, undefined, 2])).toBe("[1,null,2]");
  });

  it.each<{ name: string; value: unknown; json: string }>([
    { name: "top level", value: new Date("2024-05-01T12:00:00Z"), json: '"2024-05-01T12:00:00.000Z"' },
    { name: "nested", value: { at: new Date("2024-05-01T12:00:00Z") }, json: '{"at":"2024-05-01T12:00:00.000Z"}' },
    { name: "in array", value: [new Date(0)], json: '["1970-01-01T00:00:00.000Z"]' },
  ])("writes Date as ISO at $name", ({ value, json }) => {
    expect(canonicalJson(value)).toBe(json);
  });

  it("Date equals its ISO string", () => {
    expect(canonicalJson({ at: new Date("2024-05-01T12:00:00Z") })).toBe(
      canonicalJson({ at: "2024-05-01T12:00:00.000Z" }),
    );
  });

  it("escapes keys", () => {
    expect(canonicalJson({ 'a"b': 1 })).toBe('{"a\\"b":1}');
  });

  it("output parses as same value", () => {
    const value = { b: [1, { d: "x", c: null }], a: true };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it("stable across JSON round trip", () => {
    const value = { b: [1, { d: "x", c: null }], a: { z: 1.25, y: "é" } };
    expect(canonicalJson(JSON.parse(canonicalJson(value)))).toBe(canonicalJson(value));
  });
});

describe("hashAuditEvent", () => {
  it("is SHA-256 hex", () => {
    expect(hashAuditEvent(BASE)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is stable", () => {
    expect(hashAuditEvent(BASE)).toBe(hashAuditEvent(structuredClone(BASE)));
  });

  it("ignores stored hash field", () => {
    const row: StoredEvent = { ...BASE, hash: "0".repeat(64) };
    expect(hashAuditEvent(row)).toBe(hashAuditEvent(BASE));
  });

  it("ignores field order", () => {
    const reversed = Object.fromEntries(Object.entries(BASE).reverse()) as unknown as ChainedAuditFields;
    expect(hashAuditEvent(reversed)).toBe(hashAuditEvent(BASE));
  });

  it("ignores payload key order", () => {
    const reordered = { ...BASE, after: { tags: ["claims", "pii"], revision: 2, state: "submitted" } };
    expect(hashAuditEvent(reordered)).toBe(hashAuditEvent(BASE));
  });

  it.each<{ field: keyof ChainedAuditFields; value: unknown }>([
    { field: "seq", value: 3 },
    { field: "id", value: "00000000-0000-4000-8000-999999999999" },
    { field: "at", value: "2024-05-01T12:00:03.000Z" },
    { field: "actorId", value: null },
    { field: "actorId", value: "user-2" },
    { field: "action", value: "request.approved" },
    { field: "requestId", value: null },
    { field: "entityType", value: "grant" },
    { field: "entityId", value: "grant-1" },
    { field: "before", value: null },
    { field: "before", value: { state: "draft", revision: 2 } },
    { field: "after", value: { state: "submitted", revision: 2, tags: ["pii", "claims"] } },
    { field: "after", value: { state: "submitted", revision: "2", tags: ["claims", "pii"] } },
    { field: "prevHash", value: null },
    { field: "prevHash", value: "b".repeat(64) },
  ])("changes with $field = $value", ({ field, value }) => {
    expect(hashAuditEvent({ ...BASE, [field]: value })).not.toBe(hashAuditEvent(BASE));
  });
});

describe("findChainProblem", () => {
  it("empty batch from start", () => {
    expect(findChainProblem([], null)).toBeNull();
  });

  it("empty batch after head", () => {
    expect(findChainProblem([], { seq: 7, hash: "c".repeat(64) })).toBeNull();
  });

  it("first event not seq 1", () => {
    const [, second] = buildChain(2);
    expect(findChainProblem([second!], null)).toEqual({ kind: "gap", seq: 2, expectedSeq: 1 });
  });

  it("first event with prevHash", () => {
    const first = stored(fieldsFor(1, "d".repeat(64)));
    expect(findChainProblem([first], null)).toEqual({ kind: "broken_link", seq: 1 });
  });

  it("batch skips past head", () => {
    const chain = buildChain(4);
    const head = { seq: chain[1]!.seq, hash: chain[1]!.hash };
    expect(findChainProblem([chain[3]!], head)).toEqual({ kind: "gap", seq: 4, expectedSeq: 3 });
  });

  it("batch not linked to head", () => {
    const chain = buildChain(3);
    const head = { seq: 2, hash: "e".repeat(64) };
    expect(findChainProblem([chain[2]!], head)).toEqual({ kind: "broken_link", seq: 3 });
  });

  it("edited first event", () => {
    const [first, ...rest] = buildChain(3);
    const edited = { ...first!, action: "request.approved" };
    expect(findChainProblem([edited, ...rest], null)).toEqual({ kind: "hash_mismatch", seq: 1 });
  });

  describe("whole chains", () => {
    it("intact chain", () => {
      expect(findChainProblem(buildChain(5), null)).toBeNull();
    });

    it("intact batch after head", () => {
      const first = buildChain(3);
      const head = { seq: first[2]!.seq, hash: first[2]!.hash };
      expect(findChainProblem(buildChain(3, head), head)).toBeNull();
    });

    it.each<{ field: keyof ChainedAuditFields; value: unknown }>([
      { field: "action", value: "request.approved" },
      { field: "actorId", value: "user-2" },
      { field: "at", value: "2024-05-02T00:00:00.000Z" },
      { field: "after", value: { state: "approved" } },
      { field: "before", value: null },
    ])("edited $field in middle", ({ field, value }) => {
      const chain = buildChain(4);
      chain[2] = { ...chain[2]!, [field]: value };
      expect(findChainProblem(chain, null)).toEqual({ kind: "hash_mismatch", seq: 3 });
    });

    it("deleted middle event", () => {
      const chain = buildChain(4);
      chain.splice(1, 1);
      expect(findChainProblem(chain, null)).toEqual({ kind: "gap", seq: 3, expectedSeq: 2 });
    });

    it("replaced event, wrong prevHash", () => {
      const chain = buildChain(4);
      chain[1] = stored({ ...withoutHash(chain[1]!), action: "request.cancelled", prevHash: "f".repeat(64) });
      expect(findChainProblem(chain, null)).toEqual({ kind: "broken_link", seq: 2 });
    });

    it("replaced event breaks next link", () => {
      const chain = buildChain(4);
      chain[1] = stored({ ...withoutHash(chain[1]!), action: "request.cancelled" });
      expect(findChainProblem(chain, null)).toEqual({ kind: "broken_link", seq: 3 });
    });

    it("edited event after head", () => {
      const first = buildChain(3);
      const head = { seq: first[2]!.seq, hash: first[2]!.hash };
      const batch = buildChain(3, head);
      batch[1] = { ...batch[1]!, entityId: "request-999" };
      expect(findChainProblem(batch, head)).toEqual({ kind: "hash_mismatch", seq: 5 });
    });
  });
});

describe("describeChainProblem", () => {
  it.each<{ problem: ChainProblem; message: string }>([
    {
      problem: { kind: "gap", seq: 4, expectedSeq: 2 },
      message: "Audit event 2 is missing: the next event found is 4. A row was deleted.",
    },
    {
      problem: { kind: "broken_link", seq: 5 },
      message: "Audit event 5 does not point to the hash of event 4. A row was deleted or replaced.",
    },
    {
      problem: { kind: "hash_mismatch", seq: 3 },
      message: "Audit event 3 does not match its hash. The row was edited after it was written.",
    },
  ])("describes $problem.kind", ({ problem, message }) => {
    expect(describeChainProblem(problem)).toBe(message);
  });
});
