// Points every module at the test database and the local broker before any of them loads.
process.env.DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/onramp_test";
process.env.ONRAMP_ADMIN_EMAILS = "admin-one@example.org,admin-two@example.org";
process.env.ONRAMP_ENVIRONMENT = "sandbox";
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? "warn";
