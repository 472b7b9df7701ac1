// How orders follows the other services: the outcome of the reservation and of the payment
// decides whether a PENDING order becomes CONFIRMED or REJECTED.
import { causedBy, type Envelope } from "../../../../messaging/envelope.ts";
import { handleOnce } from "../../../../messaging/inbox.ts";
import { addToOutbox } from "../../../../messaging/outbox.ts";
import { inTransaction, type PrismaClient, type Tx } from "../../prisma/client.ts";
import { confirmOrder, rejectOrder, type Order } from "../domain/order.ts";
import { findOrder, saveStatus } from "../db/orders.ts";
import { applyProductChanged, type ProductChanged } from "../db/product-copy.ts";
import { orderConfirmed, orderRejected } from "./events.ts";
import type { StatusFeed } from "./status-feed.ts";

export function ordersHandlers(db: PrismaClient, feed: StatusFeed) {
  return {
    outcome: async (message: Envelope) => {
      const { orderId } = message.data as { orderId: string };
      let changed: Order | undefined;
      await handleOnce<Tx>((work) => inTransaction(db, work), "orders.order-outcomes", message, async (tx) => {
        const order = await findOrder(tx, orderId);
        if (!order) throw new Error(`No order ${orderId}`); // cannot happen: the order is written before its event
        const next =
          message.type === "payments.payment-succeeded" ? confirmOrder(order)
          : message.type === "payments.payment-declined" ? rejectOrder(order, "PAYMENT_DECLINED")
          : rejectOrder(order, "OUT_OF_STOCK");
        if (next === order) return; // already final: a late or repeated outcome
        await saveStatus(tx, next);
        const trace = causedBy(message);
        await addToOutbox(tx, next.status === "CONFIRMED" ? orderConfirmed(next, trace) : orderRejected(next, trace));
        changed = next;
      });
      if (changed) feed.announce(changed);
    },

    /** No inbox needed: applying the same price twice, or an older one, changes nothing. */
    productChanged: async (message: Envelope) => {
      await applyProductChanged(db, message.data as ProductChanged, new Date(message.occurredAt));
    },
  };
}
