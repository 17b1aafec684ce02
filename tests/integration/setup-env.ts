// Points every module at the test database and the local broker before any of them loads.
process.env.DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/onramp_test";
process.env.ONRAMP_ADMIN_EMAILS = "admin-one@example.org,admin-two@example.org";
process.env.ONRAMP_ENVIRONMENT = "sandbox";
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? "fatal";
// Short retry delays and leases keep the retry and crash tests quick.
process.env.ONRAMP_JOB_BASE_DELAY_MS = "200";
process.env.ONRAMP_JOB_MAX_DELAY_MS = "2000";
process.env.ONRAMP_JOB_LEASE_MS = "3000";
process.env.ONRAMP_WORKER_IN_PROCESS = "false";
