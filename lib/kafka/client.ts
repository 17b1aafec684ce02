import "server-only";

import { Kafka, logLevel, type Admin, type KafkaConfig, type SASLOptions } from "kafkajs";

import { bootstrapServers, config } from "@/lib/config";
import { logger } from "@/lib/logger";

const kafkaLog = logger.child({ component: "kafka" });

/** Routes kafkajs's own log lines through the portal's logger instead of the console. */
function kafkaLogCreator() {
  return ({ level, log }: { level: logLevel; log: { message: string; [key: string]: unknown } }) => {
    const { message, timestamp: _timestamp, logger: _logger, ...fields } = log;
    if (level === logLevel.ERROR) kafkaLog.error(fields, message);
    else if (level === logLevel.WARN) kafkaLog.warn(fields, message);
    else kafkaLog.debug(fields, message);
  };
}

export interface ClientCredentials {
  username: string;
  password: string;
}

/** Builds kafkajs settings for the configured cluster, signed in as the given user. */
export function kafkaConfigFor(credentials: ClientCredentials, clientId?: string): KafkaConfig {
  const settings = config();
  const sasl = {
    mechanism: settings.KAFKA_SASL_MECHANISM,
    username: credentials.username,
    password: credentials.password,
  } as SASLOptions;
  return {
    clientId: clientId ?? settings.KAFKA_CLIENT_ID,
    brokers: bootstrapServers(),
    ssl: settings.KAFKA_TLS,
    sasl,
    connectionTimeout: 5_000,
    requestTimeout: settings.KAFKA_REQUEST_TIMEOUT_MS,
    retry: { retries: 2, initialRetryTime: 200 },
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator,
  };
}

export function adminCredentials(): ClientCredentials {
  const settings = config();
  return { username: settings.KAFKA_ADMIN_USERNAME, password: settings.KAFKA_ADMIN_PASSWORD };
}

const globalForKafka = globalThis as unknown as { onrampKafkaAdmin?: Promise<Admin> };

/**
 * Returns the portal's connected admin client, shared by every request in the process. A
 * failed connection is forgotten, so the next call tries again.
 */
export function getAdmin(): Promise<Admin> {
  globalForKafka.onrampKafkaAdmin ??= (async () => {
    const admin = new Kafka(kafkaConfigFor(adminCredentials(), `${config().KAFKA_CLIENT_ID}-admin`)).admin();
    await admin.connect();
    kafkaLog.info({ brokers: bootstrapServers() }, "kafka admin connected");
    return admin;
  })().catch((error: unknown) => {
    globalForKafka.onrampKafkaAdmin = undefined;
    throw error;
  });
  return globalForKafka.onrampKafkaAdmin;
}

/** Drops the shared admin client, for example after the cluster closed its connection. */
export async function resetAdmin(): Promise<void> {
  const pending = globalForKafka.onrampKafkaAdmin;
  globalForKafka.onrampKafkaAdmin = undefined;
  if (!pending) return;
  try {
    await (await pending).disconnect();
  } catch (error) {
    kafkaLog.warn({ err: error }, "kafka admin disconnect failed");
  }
}
