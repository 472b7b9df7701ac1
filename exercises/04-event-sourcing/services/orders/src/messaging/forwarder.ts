// The store is the outbox: a forwarder reads the event store from its checkpoint, publishes each
// event to the broker (waiting for the confirm), and moves the checkpoint on, once a batch. A
// crash or a broker cut means some events are published again after the restart: at least once,
// never lost.
// An OrderPlaced goes out with the card number from the vault; one with none there is skipped:
// an order of the first release (which kept no card), or one already final (published before).
import type { Logger } from "@shop/kit";
import type { Broker } from "../../../../messaging/broker.ts";
import type { RelayOptions } from "../../../../messaging/outbox.ts";
import { startPump, type Pump } from "../../../../messaging/pump.ts";
import type { PrismaClient } from "../../prisma/client.ts";
import { cardOf } from "../db/card-vault.ts";
import type { OrderEvent } from "../domain/order.ts";
import { checkpointOf, readAll, saveCheckpoint } from "../event-store/event-store.ts";
import { integrationEvent } from "./events.ts";

export const FORWARDER = "forwarder";
const BATCH = 100;

/** The same options as step 03's relay: how often it polls, and the workshop's pause. */
export function startForwarder(
  db: PrismaClient,
  broker: Broker,
  log: Logger,
  options: RelayOptions = {},
): Pump {
  const { pollMs = 100, paused = () => false } = options;
  const drain = async () => {
    if (paused()) return;
    for (;;) {
      const events = await readAll<OrderEvent>(db, await checkpointOf(db, FORWARDER), BATCH);
      if (events.length === 0) return;
      let published = 0; // the checkpoint moves once a batch, or up to where a publish failed
      try {
        for (const event of events) {
          // read just before publishing: a shop reset meanwhile empties the vault
          const card = event.type === "OrderPlaced" ? await cardOf(db, event.data.orderId) : null;
          const message = integrationEvent(event, card);
          if (message) await broker.publish(message);
          else
            log.warn(
              { orderId: event.data.orderId, position: event.position },
              "no card to charge: order-placed not published",
            );
          published = event.position;
        }
      } finally {
        if (published > 0) await saveCheckpoint(db, FORWARDER, published);
      }
      if (events.length < BATCH) return;
    }
  };
  return startPump("forwarder", drain, broker, log, pollMs);
}
