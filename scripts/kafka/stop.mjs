// Stops the local Kafka broker started by start.mjs or ensure.mjs.
import { runScript, stopBroker } from './config.mjs';

await runScript(async () => {
  await stopBroker();
});
