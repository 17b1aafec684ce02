import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { recordAuditEvent } from "@/lib/data/audit/record-audit-event";
import { verifyAuditLog } from "@/lib/data/audit/verify-audit-log";
import { closeDb, getDb } from "@/lib/db";

import { recreateDatabase } from "../support/recreate-database";

// Tampering breaks the chain for everything after it, so this file has a database of its own.
const database = vi.hoisted(() => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = "/onramp_test_audit";
  process.env.DATABASE_URL = url.toString();
  return url.toString();
});

const run = promisify(execFile);

async function sql(statement: string): Promise<void> {
  const client = new Client({ connectionString: database });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Runs `npm run audit:verify`'s entry point against this file's database. */
async function verifyCommand(): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/audit-verify.ts"], {
      cwd: path.resolve(__dirname, "../.."),
      env: { ...process.env, DATABASE_URL: database },
    });
    return { code: 0, output: stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: `${failure.stdout}${failure.stderr}` };
  }
}

describe("audit log hash chain", () => {
  beforeAll(async () => {
    await recreateDatabase(database);
    const db = await getDb();
    for (let index = 1; index <= 5; index += 1) {
      await recordAuditEvent(db, {
        actorId: null,
        action: "test.event",
        entityType: "test",
        entityId: String(index),
        before: { index, nested: { b: 2, a: 1 } },
        after: { index: index + 1, note: "café ✓" },
      });
    }
  });

  afterAll(async () => {
    await closeDb();
  });

  it("verifies an untouched log", async () => {
    const result = await verifyAuditLog(await getDb());

    expect(result.problem).toBeNull();
    expect(result.events).toBe(5);
  });

  it("orders concurrent appends into one chain", async () => {
    const db = await getDb();
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        db.transaction((tx) => recordAuditEvent(tx, { actorId: null, action: "test.concurrent", entityType: "test", entityId: `c${index}` })),
      ),
    );

    const result = await verifyAuditLog(db);
    expect(result.problem).toBeNull();
    expect(result.events).toBe(15);
  });

  it("passes the verify command", async () => {
    const { code, output } = await verifyCommand();

    expect(code).toBe(0);
    expect(output).toContain("Audit log intact: 15 events checked");
  });

  it("detects an edited row", async () => {
    await sql(`update audit_events set after = '{"index": 99}' where seq = 3`);

    const result = await verifyAuditLog(await getDb());
    expect(result.problem).toEqual({ kind: "hash_mismatch", seq: 3 });
    const { code, output } = await verifyCommand();
    expect(code).toBe(1);
    expect(output).toContain("Audit event 3 does not match its hash");
  });

  it("detects a deleted row", async () => {
    await sql(`update audit_events set after = '{"index": 4, "note": "café ✓"}' where seq = 3`);
    expect((await verifyAuditLog(await getDb())).problem).toBeNull();

    await sql("delete from audit_events where seq = 4");

    expect((await verifyAuditLog(await getDb())).problem).toEqual({ kind: "gap", seq: 5, expectedSeq: 4 });
    const { code, output } = await verifyCommand();
    expect(code).toBe(1);
    expect(output).toContain("Audit event 4 is missing");
  });
});
