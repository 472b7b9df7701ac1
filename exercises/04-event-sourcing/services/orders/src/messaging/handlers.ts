// How orders follows the other services: each outcome becomes a command on the order's stream.
import { causedBy, type Envelope } from "../../../../messaging/envelope.ts";
import { handleOnce } from "../../../../messaging/inbox.ts";
import { inTransaction, type PrismaClient, type Tx } from "../../prisma/client.ts";
import type { Order, OrderCommand } from "../domain/order.ts";
import { applyProductChanged, type ProductChanged } from "../db/product-copy.ts";
import { execute } from "../orders.ts";
import type { StatusFeed } from "./status-feed.ts";

function commandFor(message: Envelope): OrderCommand {
  const { orderId } = message.data as { orderId: string };
  if (message.type === "payments.payment-succeeded") return { type: "ConfirmOrder", data: { orderId } };
  if (message.type === "payments.payment-declined") return { type: "RejectOrder", data: { orderId, reason: "PAYMENT_DECLINED" } };
  return { type: "RejectOrder", data: { orderId, reason: "OUT_OF_STOCK" } };
}

export function ordersHandlers(db: PrismaClient, feed: StatusFeed, afterChange: () => Promise<void>) {
  return {
    outcome: async (message: Envelope) => {
      let changed: Order | undefined;
      await handleOnce<Tx>((work) => inTransaction(db, work), "orders.order-outcomes", message, async (tx) => {
        const { state, events } = await execute(tx, commandFor(message), causedBy(message));
        if (events.length > 0) changed = state as Order;
      });
      if (changed) {
        await afterChange();
        feed.announce(changed);
      }
    },

    /** No inbox needed: applying the same price twice, or an older one, changes nothing. */
    productChanged: async (message: Envelope) => {
      await applyProductChanged(db, message.data as ProductChanged, new Date(message.occurredAt));
    },
  };
}
