/**
 * Opens the database and applies pending migrations when the server starts, so the first page
 * does not wait for them. Seeds the domains, and the development people when their sign-in is
 * on, then starts the provisioning worker inside the portal unless ONRAMP_WORKER_IN_PROCESS is
 * false.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;

  const { prepareDatabase } = await import("./lib/data/prepare-database");
  await prepareDatabase();
  const { ensureInProcessWorker } = await import("./lib/provisioning/worker");
  ensureInProcessWorker();
}
