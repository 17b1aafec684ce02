import net from "node:net";

import { recreateDatabase } from "../support/recreate-database";

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/onramp_test";

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
  await recreateDatabase(DATABASE_URL);
  const [host, port] = (process.env.KAFKA_BOOTSTRAP_SERVERS ?? "127.0.0.1:9092").split(",")[0]!.split(":");
  await checkPort(host!, Number(port));
}
