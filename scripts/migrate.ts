// Applies pending migrations to DATABASE_URL, or to the embedded PGlite database without it.
// Run through `npm run db:migrate`, which sets the react-server condition that lets Node load
// modules marked "server-only".
import { closeDb, getDatabaseHandle } from "@/lib/db";
import { logger } from "@/lib/logger";

async function main(): Promise<void> {
  const handle = await getDatabaseHandle();
  logger.info({ database: handle.kind }, "database is up to date");
  await closeDb();
}

main().catch((error: unknown) => {
  logger.error({ err: error }, "migration failed");
  process.exit(1);
});
