// Starts the local Kafka broker before tests unless it is already running, in
// which case it prints nothing.
import { runScript, startBroker } from './config.mjs';

await runScript(async () => {
  await startBroker({ quiet: true });
});
