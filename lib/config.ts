import "server-only";

import { z } from "zod";

import type { EnvironmentSettings } from "@/lib/domain/environment";

/**
 * Settings read from environment variables, checked once. Defaults match the local broker that
 * `npm run kafka:start` runs and the embedded database, so a fresh clone needs no configuration.
 */
const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

const EnvSchema = z.object({
  DATABASE_URL: z.string().trim().optional().transform((value) => value || undefined),
  PGLITE_DATA_DIR: z.string().default(".data/pglite"),

  KAFKA_BOOTSTRAP_SERVERS: z.string().default("127.0.0.1:9092"),
  KAFKA_SASL_MECHANISM: z.enum(["scram-sha-512", "scram-sha-256"]).default("scram-sha-512"),
  KAFKA_ADMIN_USERNAME: z.string().default("admin"),
  // Local-only default that the local broker scripts also use; production sets its own.
  KAFKA_ADMIN_PASSWORD: z.string().default("onramp-local-admin"),
  KAFKA_TLS: flag,
  KAFKA_CLIENT_ID: z.string().default("onramp"),
  KAFKA_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),

  ONRAMP_ENVIRONMENT: z.string().default("sandbox"),
  ONRAMP_ALLOW_SENSITIVE_DATA: flag,
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).default(1),
  KAFKA_MIN_INSYNC_REPLICAS: z.coerce.number().int().min(1).default(1),

  ONRAMP_ADMIN_EMAILS: z.string().default(""),
  ONRAMP_DEV_SIGN_IN: flag,
  AUTH_OIDC_ISSUER: z.string().optional(),
  AUTH_OIDC_CLIENT_ID: z.string().optional(),
  AUTH_OIDC_CLIENT_SECRET: z.string().optional(),
  AUTH_OIDC_NAME: z.string().default("Single sign-on"),
  /** Accept OIDC sign-ins whose provider does not say the email address is verified. */
  AUTH_OIDC_ALLOW_UNVERIFIED_EMAIL: flag,

  ONRAMP_JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
  ONRAMP_JOB_BASE_DELAY_MS: z.coerce.number().int().min(1).default(1_000),
  ONRAMP_JOB_MAX_DELAY_MS: z.coerce.number().int().min(1).default(60_000),
  ONRAMP_JOB_LEASE_MS: z.coerce.number().int().min(500).default(30_000),
  /** Run the provisioning worker inside the portal process; set false when `npm run worker` runs. */
  ONRAMP_WORKER_IN_PROCESS: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((value) => value !== "false" && value !== "0"),
  ONRAMP_WORKER_POLL_MS: z.coerce.number().int().min(10).default(500),
  ONRAMP_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  /**
   * Fault injection for tests: the worker stops after this step and waits, so a test can kill
   * it at a known point. Ignored when NODE_ENV is production.
   */
  ONRAMP_FAULT_PAUSE_AFTER_STEP: z.string().optional(),

  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = z.infer<typeof EnvSchema>;

let cached: Config | undefined;

export function config(): Config {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
      throw new Error(`Invalid environment variables:\n${problems.join("\n")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function environmentSettings(): EnvironmentSettings {
  const settings = config();
  return {
    name: settings.ONRAMP_ENVIRONMENT,
    replicationFactor: settings.KAFKA_REPLICATION_FACTOR,
    minInsyncReplicas: settings.KAFKA_MIN_INSYNC_REPLICAS,
    allowsSensitiveData: settings.ONRAMP_ALLOW_SENSITIVE_DATA,
  };
}

export function adminEmails(): Set<string> {
  return new Set(
    config()
      .ONRAMP_ADMIN_EMAILS.split(",")
      .map((email) => email.trim().toLowerCase())
      .filter(Boolean),
  );
}

export function bootstrapServers(): string[] {
  return config()
    .KAFKA_BOOTSTRAP_SERVERS.split(",")
    .map((server) => server.trim())
    .filter(Boolean);
}

export function retryPolicy(): import("@/lib/domain/provisioning").RetryPolicy {
  const settings = config();
  return {
    maxAttempts: settings.ONRAMP_JOB_MAX_ATTEMPTS,
    baseDelayMs: settings.ONRAMP_JOB_BASE_DELAY_MS,
    maxDelayMs: settings.ONRAMP_JOB_MAX_DELAY_MS,
  };
}
