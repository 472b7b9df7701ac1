import { pino, type Logger } from "pino";

export type { Logger };

/** One JSON log line per event; `LOG_LEVEL=warn` quiets the tests, `debug` shows everything. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ name: service, level });
}
