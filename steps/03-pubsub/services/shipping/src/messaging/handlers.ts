// Shipping schedules a shipment for every confirmed order and cancels it with the order. The two
// events come on two queues, in either order: a cancel that comes first leaves a tombstone.
import type { Message } from "../../../../messaging/contracts.ts";
import { handleOnce } from "../../../../messaging/inbox.ts";
import { inTransaction, type PrismaClient, type Tx } from "../../prisma/client.ts";
import { cancelFor, scheduleFor } from "../db/shipments.ts";

export function shippingHandlers(db: PrismaClient) {
  return {
    orderConfirmed: (message: Message<"orders.order-confirmed">) =>
      handleOnce<Tx>(
        (work) => inTransaction(db, work),
        "shipping.order-confirmed",
        message,
        (tx) => scheduleFor(tx, message.data.orderId),
      ),
    orderCancelled: (message: Message<"orders.order-cancelled">) =>
      handleOnce<Tx>(
        (work) => inTransaction(db, work),
        "shipping.order-cancelled",
        message,
        (tx) => cancelFor(tx, message.data.orderId),
      ),
  };
}
