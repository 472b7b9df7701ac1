// The Express app every service starts from: health, correlation ids and logs, JSON bodies (and
// nothing else), the guard on its admin and chaos routes, the chaos switches, the service's own
// routes, then 404 and the one error mapping.
import express, { type Router } from "express";
import type { Logger } from "pino";
import { chaos } from "../chaos.ts";
import { adminGuard } from "./admin-guard.ts";
import { correlationId } from "./correlation.ts";
import { errorHandler, notFoundHandler } from "./errors.ts";
import { jsonBody } from "./json-body.ts";

export function serviceApp(name: string, logger: Logger, routers: Router[]): express.Express {
  const app = express();
  app.get("/health", (_req, res) => {
    // step and pid: so a supervisor can tell its own process from another step's on the port
    res.json({ status: "ok", service: name, step: process.env.SHOP_STEP, pid: process.pid });
  });
  app.use(correlationId(logger));
  app.use(jsonBody());
  // The service's own /admin and /chaos routes reset data and inject faults: whatever changes
  // something passes the same checks as the storefront's admin routes (no cross-site page).
  const guard = adminGuard();
  app.use(["/admin", "/chaos"], (req, res, next) =>
    req.method === "GET" ? next() : guard(req, res, next),
  );
  app.use(chaos());
  app.use(...routers);
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
