import pino from "pino";

/**
 * The one structured logger. Fields that could carry secrets are redacted wherever they appear,
 * as a guard on top of never passing them in.
 */
export const logger = pino({
  name: "onramp",
  level: process.env.LOG_LEVEL ?? "info",
  redact: {
    paths: ["password", "*.password", "saltedPassword", "*.saltedPassword", "secret", "*.secret"],
    censor: "[redacted]",
  },
});
