import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { Pool } from "pg";

import * as schema from "@/db/schema";
import { config } from "@/lib/config";
import { logger } from "@/lib/logger";

export type Database = NodePgDatabase<typeof schema>;
/** A transaction handle; it offers the same query API as the database. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Queryable = Database | Transaction;

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

interface DatabaseHandle {
  db: Database;
  kind: "postgres" | "pglite";
  close: () => Promise<void>;
}

const globalForDb = globalThis as unknown as { onrampDb?: Promise<DatabaseHandle> };

async function openDatabase(): Promise<DatabaseHandle> {
  const { DATABASE_URL, PGLITE_DATA_DIR } = config();

  if (DATABASE_URL) {
    const pool = new Pool({ connectionString: DATABASE_URL, max: 10 });
    pool.on("error", (error) => logger.error({ err: error }, "idle PostgreSQL client failed"));
    const db = drizzlePg(pool, { schema });
    await migratePostgres(pool);
    logger.info({ database: "postgres" }, "database ready");
    return { db, kind: "postgres", close: () => pool.end() };
  }

  // PGlite is imported only when used, so a PostgreSQL deployment never loads its WebAssembly.
  const { PGlite: PGliteClass } = await import("@electric-sql/pglite");
  const { drizzle: drizzlePglite } = await import("drizzle-orm/pglite");
  const dataDir = path.resolve(PGLITE_DATA_DIR);
  // PGlite creates its own folder but not missing parents, such as .data in a fresh clone.
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const releaseLock = lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await PGliteClass.create(dataDir);
  } catch (error) {
    releaseLock();
    throw error;
  }
  // Both drivers expose the same query builder; the cast only unifies their result types.
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  try {
    await migratePglite(db);
  } catch (error) {
    await client.close().catch(() => undefined);
    releaseLock();
    throw error;
  }
  logger.info({ database: "pglite", dataDir }, "database ready");
  return {
    db,
    kind: "pglite",
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

/**
 * Claims the embedded database for this process. PGlite runs inside one process and does not
 * lock its folder, so a second process (a worker, a script) opening it would corrupt it.
 */
function lockDataDir(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  try {
    writeFileSync(lockPath, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const holder = Number(readFileSync(lockPath, "utf8"));
    if (holder && holder !== process.pid && processIsAlive(holder)) {
      throw new Error(
        `The embedded database in ${dataDir} is open in process ${holder}. Stop that process first, or set DATABASE_URL so that several processes share PostgreSQL.`,
      );
    }
    logger.warn({ lockPath, holder }, "taking over the lock of a process that no longer runs");
    writeFileSync(lockPath, String(process.pid));
  }
  const release = () => rmSync(lockPath, { force: true });
  process.once("exit", release);
  return release;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Arbitrary constant that names Onramp's migration lock among PostgreSQL advisory locks. */
const MIGRATION_LOCK_ID = 7_240_001;

/**
 * Applies migrations under an advisory lock, because several processes (portal, worker, test
 * files) may start at once against one PostgreSQL database.
 */
async function migratePostgres(pool: Pool): Promise<void> {
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const started = Date.now();
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await migrate(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => undefined);
    client.release();
  }
  logger.info({ database: "postgres", ms: Date.now() - started }, "migrations applied");
}

async function migratePglite(db: Database): Promise<void> {
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const started = Date.now();
  // The PGlite migrator takes its own database type, which matches at run time.
  await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  logger.info({ database: "pglite", ms: Date.now() - started }, "migrations applied");
}

/** Opens the database once per process and applies pending migrations before first use. */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  globalForDb.onrampDb ??= openDatabase().catch((error: unknown) => {
    globalForDb.onrampDb = undefined;
    throw error;
  });
  return globalForDb.onrampDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

export async function closeDb(): Promise<void> {
  const handle = globalForDb.onrampDb;
  globalForDb.onrampDb = undefined;
  if (handle) await (await handle).close();
}
