// What orders tells the world.
import { envelope, type Trace } from "../../../../messaging/envelope.ts";
import type { Order, RejectionReason } from "../domain/order.ts";

/** The card travels with the event so payments can charge it: a real shop would send a payment token. */
export const orderPlaced = (order: Order, card: string, trace: Trace) =>
  envelope(
    "orders.order-placed",
    { orderId: order.id, lines: order.lines, totalCents: order.totalCents, card },
    trace,
  );
export const orderConfirmed = (order: Order, trace: Trace) =>
  envelope("orders.order-confirmed", { orderId: order.id, lines: order.lines }, trace);
export const orderRejected = (order: Order, reason: RejectionReason, trace: Trace) =>
  envelope("orders.order-rejected", { orderId: order.id, reason }, trace);
export const orderCancelled = (order: Order, trace: Trace) =>
  envelope("orders.order-cancelled", { orderId: order.id }, trace);
export const catalogSnapshotRequested = (trace: Trace) =>
  envelope("catalog.snapshot-requested", {}, trace);
