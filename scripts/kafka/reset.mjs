// Stops the local Kafka broker and deletes its data, so the next start formats
// a new cluster with no topics, ACLs or SCRAM users except the admin.
import { brokerSettings, logError, resetBroker, runScript } from './config.mjs';

await runScript(async () => {
  if (!process.argv.slice(2).includes('--yes')) {
    logError(`This deletes ${brokerSettings.dataDir}. Run again with --yes to confirm.`);
    process.exitCode = 1;
    return;
  }
  await resetBroker();
});
