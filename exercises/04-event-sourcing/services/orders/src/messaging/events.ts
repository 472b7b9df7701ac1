// What orders tells the world: its stored events, turned into the integration events of step 03.
// Same names and shapes, so inventory, payments and shipping need not change.
import { envelope, type Envelope } from "../../../../messaging/envelope.ts";
import type { OrderEvent } from "../domain/order.ts";
import type { StoredEvent } from "../event-store/event-store.ts";

const ROUTING: Record<OrderEvent["type"], string> = {
  OrderPlaced: "orders.order-placed",
  OrderConfirmed: "orders.order-confirmed",
  OrderRejected: "orders.order-rejected",
  OrderCancelled: "orders.order-cancelled",
};

/** The envelope's id is the stored event's id: publishing it again is a duplicate consumers drop. */
export function integrationEvent(stored: StoredEvent): Envelope {
  const { type, data, metadata } = stored;
  const message = envelope(ROUTING[type as OrderEvent["type"]] ?? `orders.${type}`, data, metadata);
  return { ...message, id: metadata.eventId, occurredAt: metadata.occurredAt };
}

export const catalogSnapshotRequested = () => envelope("catalog.snapshot-requested", {}, { correlationId: "orders-start-up" });
