// The store is the outbox: a forwarder reads the event store from its checkpoint, publishes each
// event to the broker (waiting for the confirm), and moves the checkpoint on. A crash or a broker
// cut means some events are published again after the restart: at least once, never lost.
import type { Logger } from "@shop/kit";
import type { Broker } from "../../../../messaging/broker.ts";
import { faults } from "../../../../messaging/faults.ts";
import type { PrismaClient } from "../../prisma/client.ts";
import { checkpointOf, readAll, saveCheckpoint } from "../event-store/event-store.ts";
import { integrationEvent } from "./events.ts";

export const FORWARDER = "forwarder";

export interface Forwarder {
  kick(): void;
  stop(): Promise<void>;
}

export function startForwarder(db: PrismaClient, broker: Broker, log: Logger, pollMs = 100): Forwarder {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const drain = async () => {
    if (faults.relayPaused) return;
    for (;;) {
      const events = await readAll(db, await checkpointOf(db, FORWARDER), 100);
      if (events.length === 0) return;
      for (const event of events) {
        await broker.publish(integrationEvent(event));
        await saveCheckpoint(db, FORWARDER, event.position);
      }
    }
  };

  const kick = () => {
    if (stopped) return;
    if (running) return void (again = true);
    running = drain()
      .catch((error) => log.warn({ err: String(error) }, "forwarder: publish failed; will try again"))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
  };

  const timer = setInterval(kick, pollMs);
  broker.afterEachMessage(kick);
  kick();
  return {
    kick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
