// Compares the resources the database records as wanted with the Kafka cluster, and repairs
// what Onramp manages. With --dry-run it only prints the differences. Unmanaged topics and
// principals are listed and never changed.
import { closeDb } from "@/lib/db";
import { describeDrift, isRepairable } from "@/lib/domain/drift";
import { resetAdmin } from "@/lib/kafka/client";
import { logger } from "@/lib/logger";
import { reconcile } from "@/lib/provisioning/reconcile";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== "--dry-run");
  if (unknown.length > 0) {
    console.error(`Unknown option ${unknown.join(" ")}. Usage: npm run reconcile [-- --dry-run]`);
    return 2;
  }
  const dryRun = args.includes("--dry-run");

  const result = await reconcile({ dryRun, actorId: null });
  if (result.items.length === 0) console.log("No drift: the cluster matches Onramp's records.");
  for (const item of result.items) {
    let mark = "listed";
    if (isRepairable(item)) mark = dryRun ? "would repair" : "repair";
    console.log(`[${mark}] ${describeDrift(item)}`);
  }
  for (const { item, error } of result.applied) {
    if (error) console.log(`[failed] ${describeDrift(item)} ${error}`);
  }
  if (dryRun) console.log("Dry run: nothing was changed.");
  return result.applied.some((entry) => entry.error) ? 1 : 0;
}

main()
  .then(async (code) => {
    await resetAdmin();
    await closeDb();
    process.exit(code);
  })
  .catch((error: unknown) => {
    logger.error({ err: error }, "reconcile failed");
    process.exit(1);
  });
