// What orders tells the world: its stored events, turned into the integration events of step 03.
// Same names and shapes, so inventory, payments and shipping need not change.
import { unexpected } from "../../../../messaging/contracts.ts";
import { envelope, type Envelope, type Trace } from "../../../../messaging/envelope.ts";
import type { OrderEvent } from "../domain/order.ts";
import type { StoredEvent } from "../event-store/event-store.ts";

/** Step 03's message for each event of an order. OrderPlaced adds the card number. */
function messageOf(event: OrderEvent, card: string | null, trace: Trace) {
  switch (event.type) {
    case "OrderPlaced": {
      const { orderId, lines, totalCents } = event.data;
      return card === null
        ? null
        : envelope("orders.order-placed", { orderId, lines, totalCents, card }, trace);
    }
    case "OrderConfirmed":
      return envelope(
        "orders.order-confirmed",
        { orderId: event.data.orderId, lines: event.data.lines },
        trace,
      );
    case "OrderRejected":
      return envelope(
        "orders.order-rejected",
        { orderId: event.data.orderId, reason: event.data.reason },
        trace,
      );
    case "OrderCancelled":
      return envelope("orders.order-cancelled", { orderId: event.data.orderId }, trace);
    default:
      return unexpected(event);
  }
}

/**
 * The envelope's id is the stored event's id: publishing it again is a duplicate consumers drop.
 * orders.order-placed carries the card number from the vault, as in step 03: payments charges it.
 * Without one there is no message: an order that cannot be charged must not look chargeable.
 */
export function integrationEvent(
  stored: StoredEvent<OrderEvent>,
  card: string | null = null,
): Envelope | null {
  const { metadata } = stored;
  const message = messageOf(stored, card, metadata);
  return message && { ...message, id: metadata.eventId, occurredAt: metadata.occurredAt };
}

export const catalogSnapshotRequested = () =>
  envelope("catalog.snapshot-requested", {}, { correlationId: "orders-start-up" });
