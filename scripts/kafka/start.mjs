// Starts the local Kafka broker in the background and waits until it accepts
// connections. Exits 0 when it is already running.
import { runScript, startBroker } from './config.mjs';

await runScript(async () => {
  await startBroker();
});
