import net from "node:net";

import { Client } from "pg";

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/onramp_test";

/** Recreates the test database so every run starts from the migrations alone. */
async function recreateDatabase(): Promise<void> {
  const url = new URL(DATABASE_URL);
  const name = url.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected test database name "${name}"`);
  url.pathname = "/postgres";

  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

function checkPort(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(3_000);
    socket.once("connect", () => {
      socket.end();
      resolve();
    });
    socket.once("timeout", () => socket.destroy(new Error("timed out")));
    socket.once("error", (error) =>
      reject(new Error(`No Kafka broker on ${host}:${port} (${error.message}); run npm run kafka:start`)),
    );
  });
}

export default async function setup(): Promise<void> {
  await recreateDatabase();
  const [host, port] = (process.env.KAFKA_BOOTSTRAP_SERVERS ?? "127.0.0.1:9092").split(",")[0]!.split(":");
  await checkPort(host!, Number(port));
}
