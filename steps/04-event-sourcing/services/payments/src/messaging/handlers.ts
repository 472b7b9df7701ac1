// How payments reacts: it learns the amount from the placed order, charges once the stock is
// reserved, and refunds a cancelled order. The card network may be slow: that delay happens
// here, in the consumer, where no shopper is waiting for it.
import { causedBy, envelope, type Envelope } from "../../../../messaging/envelope.ts";
import { handleOnce } from "../../../../messaging/inbox.ts";
import { addToOutbox } from "../../../../messaging/outbox.ts";
import { inTransaction, type PrismaClient, type Tx } from "../../prisma/client.ts";
import { cardNetworkDelay } from "../card-network.ts";
import { chargeOrder, refundOrder, rememberCharge } from "../db/payments.ts";
import { PaymentDeclined } from "../domain/payment.ts";

export function paymentsHandlers(db: PrismaClient) {
  const once = (consumer: string, message: Envelope, handle: (tx: Tx) => Promise<void>) =>
    handleOnce<Tx>((work) => inTransaction(db, work), consumer, message, handle);

  const handlers = {
    orderPlaced: (message: Envelope) =>
      once("payments.order-placed", message, async (tx) => {
        const { orderId, totalCents, card } = message.data as { orderId: string; totalCents: number; card: string };
        await rememberCharge(tx, orderId, totalCents, card);
      }),

    stockReserved: async (message: Envelope) => {
      await cardNetworkDelay();
      await once("payments.stock-reserved", message, async (tx) => {
        const { orderId } = message.data as { orderId: string };
        const trace = causedBy(message);
        try {
          const payment = await chargeOrder(tx, orderId);
          await addToOutbox(tx, envelope("payments.payment-succeeded", { orderId, paymentId: payment.id, amountCents: payment.amountCents }, trace));
        } catch (error) {
          if (!(error instanceof PaymentDeclined)) throw error;
          await tx.pendingCharge.delete({ where: { orderId } });
          await addToOutbox(tx, envelope("payments.payment-declined", { orderId, reason: "PAYMENT_DECLINED" }, trace));
        }
      });
    },

    orderCancelled: (message: Envelope) =>
      once("payments.order-cancelled", message, async (tx) => {
        const { orderId } = message.data as { orderId: string };
        if (await refundOrder(tx, orderId)) await addToOutbox(tx, envelope("payments.payment-refunded", { orderId }, causedBy(message)));
      }),
  };

  /** The one queue of payments carries three kinds of event. */
  return async (message: Envelope) => {
    if (message.type === "orders.order-placed") return handlers.orderPlaced(message);
    if (message.type === "inventory.stock-reserved") return handlers.stockReserved(message);
    if (message.type === "orders.order-cancelled") return handlers.orderCancelled(message);
  };
}
