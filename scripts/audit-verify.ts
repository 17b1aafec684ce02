// Checks the audit log's hash chain and exits 1 at the first edited, deleted or replaced event.
import { verifyAuditLog } from "@/lib/data/audit/verify-audit-log";
import { closeDb, getDb } from "@/lib/db";
import { describeChainProblem } from "@/lib/domain/audit-chain";
import { logger } from "@/lib/logger";

async function main(): Promise<number> {
  const result = await verifyAuditLog(await getDb());
  if (result.problem) {
    console.error(`Audit log verification failed after ${result.events} intact events: ${describeChainProblem(result.problem)}`);
    return 1;
  }
  const head = result.head ? ` Head: event ${result.head.seq}, hash ${result.head.hash}.` : "";
  console.log(`Audit log intact: ${result.events} events checked.${head}`);
  return 0;
}

main()
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch((error: unknown) => {
    logger.error({ err: error }, "audit verification failed to run");
    process.exit(2);
  });
