// Shipping schedules a shipment for every confirmed order and cancels it with the order. The two
// events come on two queues, in either order: a cancel that comes first leaves a tombstone.
import type { Envelope } from "../../../../messaging/envelope.ts";
import { handleOnce } from "../../../../messaging/inbox.ts";
import { inTransaction, type PrismaClient, type Tx } from "../../prisma/client.ts";
import { cancelFor, scheduleFor } from "../db/shipments.ts";

export function shippingHandlers(db: PrismaClient) {
  const orderIdOf = (message: Envelope) => (message.data as { orderId: string }).orderId;
  return {
    orderConfirmed: (message: Envelope) =>
      handleOnce<Tx>((work) => inTransaction(db, work), "shipping.order-confirmed", message, (tx) => scheduleFor(tx, orderIdOf(message))),
    orderCancelled: (message: Envelope) =>
      handleOnce<Tx>((work) => inTransaction(db, work), "shipping.order-cancelled", message, (tx) => cancelFor(tx, orderIdOf(message))),
  };
}
