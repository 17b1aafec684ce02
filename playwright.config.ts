import { defineConfig } from "@playwright/test";

const POSTGRES_PORT = 3100;
const PGLITE_PORT = 3101;

/** Settings both portals share: the development sign-in, Auth.js and the local broker. */
const portalEnv = {
  AUTH_SECRET: "e2e-only-secret-0123456789abcdef0123456789abcdef",
  AUTH_TRUST_HOST: "true",
  ONRAMP_DEV_SIGN_IN: "true",
  ONRAMP_ADMIN_EMAILS: "morgan.platt@example.org",
  LOG_LEVEL: "warn",
  // Short retry delays let the outage test see the job retry and recover within a few seconds.
  ONRAMP_JOB_BASE_DELAY_MS: "500",
  ONRAMP_JOB_MAX_DELAY_MS: "3000",
  ONRAMP_JOB_MAX_ATTEMPTS: "20",
};

export default defineConfig({
  testDir: "./e2e",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    trace: "on-first-retry",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    {
      name: "postgres",
      testIgnore: /pglite\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${POSTGRES_PORT}` },
    },
    {
      name: "pglite",
      testMatch: /pglite\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${PGLITE_PORT}` },
    },
  ],
  webServer: [
    {
      command: "node e2e/support/serve.mjs",
      url: `http://127.0.0.1:${POSTGRES_PORT}/sign-in`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        ...portalEnv,
        E2E_PORT: String(POSTGRES_PORT),
        E2E_DATABASE_URL: process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/onramp_e2e",
      },
    },
    {
      command: "node e2e/support/serve.mjs",
      url: `http://127.0.0.1:${PGLITE_PORT}/sign-in`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { ...portalEnv, E2E_PORT: String(PGLITE_PORT) },
    },
  ],
});
