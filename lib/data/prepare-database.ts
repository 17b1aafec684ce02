import "server-only";

import { config } from "@/lib/config";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/logger";

import { seedDevelopmentPeople, seedDomains } from "./seed";

const globalForPrepare = globalThis as unknown as { onrampPrepared?: Promise<void> };

/** Migrates and seeds once per process; later calls wait for the first. */
export function prepareDatabase(): Promise<void> {
  globalForPrepare.onrampPrepared ??= (async () => {
    const db = await getDb();
    await seedDomains(db);
    if (config().ONRAMP_DEV_SIGN_IN) await seedDevelopmentPeople(db);
  })().catch((error: unknown) => {
    globalForPrepare.onrampPrepared = undefined;
    logger.error({ err: error }, "database preparation failed");
    throw error;
  });
  return globalForPrepare.onrampPrepared;
}
