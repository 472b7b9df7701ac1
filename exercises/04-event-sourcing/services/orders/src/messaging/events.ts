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

/**
 * The envelope's id is the stored event's id: publishing it again is a duplicate consumers drop.
 * orders.order-placed carries the card number from the vault, as in step 03: payments charges it.
 * Without one there is no message: an order that cannot be charged must not look chargeable.
 */
export function integrationEvent(stored: StoredEvent, card: string | null = null): Envelope | null {
  const { type, data, metadata } = stored;
  if (type === "OrderPlaced" && card === null) return null;
  const published = type === "OrderPlaced" ? { ...data, card } : data;
  const message = envelope(ROUTING[type as OrderEvent["type"]] ?? `orders.${type}`, published, metadata);
  return { ...message, id: metadata.eventId, occurredAt: metadata.occurredAt };
}

export const catalogSnapshotRequested = () => envelope("catalog.snapshot-requested", {}, { correlationId: "orders-start-up" });
