// How orders follows the other services: each outcome becomes a command on the order's stream.
import { unexpected, type Message } from "../../../../messaging/contracts.ts";
import { causedBy } from "../../../../messaging/envelope.ts";
import { handleOnce } from "../../../../messaging/inbox.ts";
import type { TypesOn } from "../../../../messaging/topology.ts";
import { inTransaction, type PrismaClient, type Tx } from "../../prisma/client.ts";
import type { Order, OrderCommand } from "../domain/order.ts";
import { applyProductChanged } from "../db/product-copy.ts";
import { handleOrderCommand } from "../handle-order-command.ts";
import type { StatusFeed } from "./status-feed.ts";

type Outcome = Message<TypesOn<"orders.order-outcomes">>;

function commandFor(outcome: Outcome): OrderCommand {
  const { orderId } = outcome.data;
  switch (outcome.type) {
    case "payments.payment-succeeded":
      return { type: "ConfirmOrder", data: { orderId } };
    case "payments.payment-declined":
    case "inventory.reservation-rejected":
      return { type: "RejectOrder", data: { orderId, reason: outcome.data.reason } };
    default:
      return unexpected(outcome);
  }
}

export function ordersHandlers(
  db: PrismaClient,
  feed: StatusFeed,
  afterChange: () => Promise<void>,
) {
  return {
    outcome: async (message: Outcome) => {
      let changed: Order | undefined;
      await handleOnce<Tx>(
        (work) => inTransaction(db, work),
        "orders.order-outcomes",
        message,
        async (tx) => {
          const handled = await handleOrderCommand(tx, commandFor(message), causedBy(message));
          if (handled.events.length > 0) changed = handled.order;
        },
      );
      if (changed) {
        await afterChange();
        feed.announce(changed);
      }
    },

    /** No inbox needed: applying the same price twice, or an older one, changes nothing. */
    productChanged: async (message: Message<"catalog.product-changed">) => {
      await applyProductChanged(db, message.data, new Date(message.occurredAt));
    },
  };
}
