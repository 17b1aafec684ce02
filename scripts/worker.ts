// Runs the provisioning worker as its own process, for deployments that set
// ONRAMP_WORKER_IN_PROCESS=false on the portal. Any number may run at once: each job is claimed
// by one worker at a time. SIGTERM and SIGINT let the current job finish, then exit.
import { closeDb } from "@/lib/db";
import { prepareDatabase } from "@/lib/data/prepare-database";
import { resetAdmin } from "@/lib/kafka/client";
import { logger } from "@/lib/logger";
import { startWorker } from "@/lib/provisioning/worker";

async function main(): Promise<void> {
  await prepareDatabase();
  const worker = startWorker();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workerId: worker.id }, "stopping the provisioning worker");
    await worker.stop();
    await resetAdmin();
    await closeDb();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  logger.error({ err: error }, "provisioning worker failed to start");
  process.exit(1);
});
