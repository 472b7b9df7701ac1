// Every request carries a correlation id: taken from the caller's header or made here, returned in
// the response header, and stamped on every log line written while handling the request.
import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import { pinoHttp } from "pino-http";
import type { Logger } from "pino";

export const CORRELATION_HEADER = "x-correlation-id";

export function correlationId(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const given = req.headers[CORRELATION_HEADER];
      const id =
        typeof given === "string" && given.length > 0 && given.length <= 100 ? given : randomUUID();
      res.setHeader(CORRELATION_HEADER, id);
      return id;
    },
    customAttributeKeys: { reqId: "correlationId" },
    quietReqLogger: true,
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info",
    serializers: {
      req: (req) => ({ method: req.method, url: req.url }),
      res: (res) => ({ statusCode: res.statusCode }),
    },
  });
}
