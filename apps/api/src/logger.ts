import pino, { type Logger } from "pino";

/** Structured JSON logs (pino). Secrets never reach a log line: tokens and passwords are redacted. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "nested-market-api" },
    redact: ["req.headers.authorization", "req.headers.cookie", "password", "token"],
  });
}
