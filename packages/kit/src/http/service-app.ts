// The Express app every service starts from: health, correlation ids and logs, JSON bodies, the
// chaos switches, the service's own routes, then 404 and the one error mapping.
import express, { type Router } from "express";
import type { Logger } from "pino";
import { chaos } from "../chaos.ts";
import { correlationId } from "./correlation.ts";
import { errorHandler, notFoundHandler } from "./errors.ts";

export function serviceApp(name: string, logger: Logger, routers: Router[]): express.Express {
  const app = express();
  app.get("/health", (_req, res) => {
    res.json({ status: "ok", service: name });
  });
  app.use(correlationId(logger));
  app.use(express.json({ limit: "100kb" }));
  app.use(chaos());
  app.use(...routers);
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
