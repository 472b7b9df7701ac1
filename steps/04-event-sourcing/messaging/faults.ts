// The messaging faults of the workshop (DESIGN §5), as named switches: deliver every message to
// its handler twice (what a lost acknowledgement does), or pause the outbox relay (what a crash
// between commit and publish looks like from outside). Only with SHOP_CHAOS=1, loopback only.
import { Router } from "express";
import { chaosEnabled } from "@shop/kit";

export const faults = { deliverTwice: false, relayPaused: false };

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
    const body = (req.body ?? {}) as Partial<typeof faults>;
    if (typeof body.deliverTwice === "boolean") faults.deliverTwice = body.deliverTwice;
    if (typeof body.relayPaused === "boolean") faults.relayPaused = body.relayPaused;
    res.json({ stats, faults });
  });
  return router;
}
