import "server-only";

import { Connection } from "@platformatic/kafka";

import { bootstrapServers, config } from "@/lib/config";
import { logger } from "@/lib/logger";

import { adminCredentials } from "./client";

function parseServer(server: string): { host: string; port: number } {
  const separator = server.lastIndexOf(":");
  return { host: server.slice(0, separator), port: Number(server.slice(separator + 1)) };
}

/**
 * Runs requests on a fresh admin connection to the first bootstrap server that accepts it. It
 * serves the admin requests kafkajs lacks (SCRAM users, incremental config changes) through
 * @platformatic/kafka's protocol layer.
 */
export async function withAdminConnection<T>(run: (connection: Connection) => Promise<T>): Promise<T> {
  const settings = config();
  const { username, password } = adminCredentials();
  let lastError: unknown;

  for (const server of bootstrapServers()) {
    const connection = new Connection(`${settings.KAFKA_CLIENT_ID}-protocol`, {
      connectTimeout: 5_000,
      requestTimeout: settings.KAFKA_REQUEST_TIMEOUT_MS,
      ...(settings.KAFKA_TLS ? { tls: {} } : {}),
      sasl: { mechanism: settings.KAFKA_SASL_MECHANISM === "scram-sha-256" ? "SCRAM-SHA-256" : "SCRAM-SHA-512", username, password },
    });
    const { host, port } = parseServer(server);
    try {
      await connection.connect(host, port);
    } catch (error) {
      lastError = error;
      logger.warn({ err: error, server }, "admin protocol connection failed, trying next server");
      await connection.close().catch(() => undefined);
      continue;
    }
    try {
      return await run(connection);
    } finally {
      await connection.close().catch(() => undefined);
    }
  }
  throw lastError instanceof Error ? lastError : new Error("No bootstrap server accepted the connection.");
}

