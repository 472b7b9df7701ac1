// How orders follows the other services: the outcome of the reservation and of the payment
// decides whether a PENDING order becomes CONFIRMED or REJECTED.
import { unexpected, type Message } from "../../../../messaging/contracts.ts";
import { causedBy, type Trace } from "../../../../messaging/envelope.ts";
import { handleOnce } from "../../../../messaging/inbox.ts";
import { addToOutbox } from "../../../../messaging/outbox.ts";
import type { TypesOn } from "../../../../messaging/topology.ts";
import { inTransaction, type PrismaClient, type Tx } from "../../prisma/client.ts";
import { confirmOrder, rejectOrder, type Order } from "../domain/order.ts";
import { findOrder, saveStatus } from "../db/orders.ts";
import { applyProductChanged } from "../db/product-copy.ts";
import { orderConfirmed, orderRejected } from "./events.ts";
import type { StatusFeed } from "./status-feed.ts";

type Outcome = Message<TypesOn<"orders.order-outcomes">>;

/** The order after this outcome, and the event that says so. */
function settle(order: Order, outcome: Outcome, trace: Trace) {
  switch (outcome.type) {
    case "payments.payment-succeeded": {
      const next = confirmOrder(order);
      return { next, event: orderConfirmed(next, trace) };
    }
    case "payments.payment-declined":
    case "inventory.reservation-rejected": {
      const next = rejectOrder(order, outcome.data.reason);
      return { next, event: orderRejected(next, outcome.data.reason, trace) };
    }
    default:
      return unexpected(outcome);
  }
}

export function ordersHandlers(db: PrismaClient, feed: StatusFeed) {
  return {
    outcome: async (message: Outcome) => {
      const { orderId } = message.data;
      let changed: Order | undefined;
      await handleOnce<Tx>(
        (work) => inTransaction(db, work),
        "orders.order-outcomes",
        message,
        async (tx) => {
          const order = await findOrder(tx, orderId);
          if (!order) throw new Error(`No order ${orderId}`); // cannot happen: the order is written before its event
          const { next, event } = settle(order, message, causedBy(message));
          if (next === order) return; // already final: a late or repeated outcome
          await saveStatus(tx, next);
          await addToOutbox(tx, event);
          changed = next;
        },
      );
      if (changed) feed.announce(changed);
    },

    /** No inbox needed: applying the same price twice, or an older one, changes nothing. */
    productChanged: async (message: Message<"catalog.product-changed">) => {
      await applyProductChanged(db, message.data, new Date(message.occurredAt));
    },
  };
}
