import { pino, type Logger } from "pino";

export type { Logger };

/** One JSON log line per event; `LOG_LEVEL=warn` quiets the tests, `debug` shows everything. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? "info"): Logger {
  const logger = pino({ name: service, level });
  // one of several processes of the service (`--scale`): each line says which one
  const instance = process.env.SHOP_INSTANCE;
  return instance ? logger.child({ instance }) : logger;
}
