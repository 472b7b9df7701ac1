// The messaging faults of the workshop, as named switches: deliver every message to its handler
// twice (what a lost acknowledgement does), pause the outbox relay (what a crash between commit
// and publish looks like from outside), or make every handler fail for a while (a dependency down,
// then back). Only with SHOP_CHAOS=1, loopback only.
import { Router } from "express";
import { chaosEnabled } from "@shop/kit";

/** failingUntil: a time (ms since 1970); every handler throws until then. */
export const faults = { deliverTwice: false, relayPaused: false, failingUntil: 0 };

/** Counters a trainer and the tests can read: what the messaging of this service has done. */
export const stats = { handled: 0, retried: 0, deadLettered: 0, duplicatesSuppressed: 0 };

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

export function messagingRoutes(): Router {
  const router = Router();
  router.get("/admin/messaging", (_req, res) => {
    res.json({ stats, faults });
  });
  if (!chaosEnabled()) return router;
  router.post("/chaos/messaging", (req, res) => {
    if (!LOOPBACK.has(req.socket.remoteAddress ?? "")) return void res.status(403).end();
    const body = (req.body ?? {}) as Partial<typeof faults> & { failForMs?: number };
    if (typeof body.deliverTwice === "boolean") faults.deliverTwice = body.deliverTwice;
    if (typeof body.relayPaused === "boolean") faults.relayPaused = body.relayPaused;
    if (typeof body.failForMs === "number" && body.failForMs >= 0)
      faults.failingUntil = Date.now() + body.failForMs;
    res.json({ stats, faults });
  });
  return router;
}
