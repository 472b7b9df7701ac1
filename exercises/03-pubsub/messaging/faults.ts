// What the workshop attaches to a service's messaging, none of it the lesson: named fault
// switches, counters, and the routes that read and set them. A service's main wires them in
// (messagingFaults()); the adapters (broker.ts, inbox.ts, outbox.ts) only offer the hooks.
// The faults: deliver every message to its handler twice (what a lost acknowledgement does),
// pause the outbox relay (a crash between commit and publish, seen from outside), or make every
// handler fail for a while (a dependency down, then back). Only with SHOP_CHAOS=1, loopback only.
import { Router } from "express";
import { chaosEnabled, chaosPause } from "@shop/kit";
import type { BrokerHooks } from "./broker.ts";
import { duplicateWatchers } from "./inbox.ts";
import type { RelayOptions } from "./outbox.ts";

/** failingUntil: a time (ms since 1970); every handler throws until then. */
export const faults = { deliverTwice: false, relayPaused: false, failingUntil: 0 };

/**
 * Counters a trainer and the tests can read: what the messaging of this service has done, and
 * how many messages are in a handler now (the tests wait for none before they reset the shop).
 */
export const stats = {
  handled: 0,
  retried: 0,
  deadLettered: 0,
  duplicatesSuppressed: 0,
  inHandler: 0,
};

const COUNTER = {
  handled: "handled",
  retried: "retried",
  "dead-lettered": "deadLettered",
} as const;

const countDuplicate = () => void (stats.duplicatesSuppressed += 1);

/** The hooks for connectBroker and the relay (or step 04's forwarder), from a service's main. */
export function messagingFaults(): { broker: BrokerHooks; relay: RelayOptions } {
  if (!duplicateWatchers.includes(countDuplicate)) duplicateWatchers.push(countDuplicate);
  return {
    broker: {
      aroundHandler: async (handle) => {
        stats.inHandler += 1;
        try {
          await chaosPause(); // a "slow" fault (the console's Slow button) delays messages too
          if (Date.now() < faults.failingUntil)
            throw new Error("failing on purpose (chaos: failForMs)");
          await handle();
          if (faults.deliverTwice) await handle(); // the duplicate a lost ack would cause
        } finally {
          stats.inHandler -= 1;
        }
      },
      onSettled: (outcome) => (stats[COUNTER[outcome]] += 1),
    },
    relay: { paused: () => faults.relayPaused },
  };
}

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
