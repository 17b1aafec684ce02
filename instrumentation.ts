/**
 * Opens the database and applies pending migrations when the server starts, so the first page
 * does not wait for them; seeds domains, and the development people when their sign-in is on.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;

  const { prepareDatabase } = await import("./lib/data/prepare-database");
  await prepareDatabase();
}
