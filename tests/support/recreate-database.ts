import { Client } from "pg";

/** Drops and creates the PostgreSQL database that `url` names, so a run starts from migrations alone. */
export async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected test database name "${name}"`);
  target.pathname = "/postgres";

  const client = new Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}
