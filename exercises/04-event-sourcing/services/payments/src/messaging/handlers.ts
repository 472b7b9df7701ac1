// How payments reacts: it learns the amount from the placed order and that the stock is reserved,
// charges once it knows both (in either order), and refunds a cancelled order. The card network
// may be slow: that wait happens here, in the consumer, where no shopper is waiting for it, and
// outside any transaction.
import { unexpected, type Message } from "../../../../messaging/contracts.ts";
import { causedBy, envelope, type Envelope } from "../../../../messaging/envelope.ts";
import { handleOnce } from "../../../../messaging/inbox.ts";
import { addToOutbox } from "../../../../messaging/outbox.ts";
import type { TypesOn } from "../../../../messaging/topology.ts";
import { inTransaction, type PrismaClient, type Tx } from "../../prisma/client.ts";
import { cardNetwork, type CardNetwork } from "../card-network.ts";
import {
  chargeToMake,
  completePayment,
  refundOrder,
  rememberCharge,
  rememberReservation,
  startPayment,
} from "../db/payments.ts";
import { chargeKey } from "../domain/payment.ts";

/** A cancelled order's money back, and said so: only a payment that went through, only once. */
export async function refundCancelled(tx: Tx, cancelled: Message<"orders.order-cancelled">) {
  const { orderId } = cancelled.data;
  if (await refundOrder(tx, orderId))
    await addToOutbox(tx, envelope("payments.payment-refunded", { orderId }, causedBy(cancelled)));
}

export function paymentsHandlers(db: PrismaClient, network: CardNetwork = cardNetwork(db)) {
  const once = (consumer: string, message: Envelope, handle: (tx: Tx) => Promise<void>) =>
    handleOnce<Tx>((work) => inTransaction(db, work), consumer, message, handle);

  /**
   * Payments charges once it knows two facts: what to charge (the order) and that the stock is
   * held. Several payments instances share one queue, so either fact may be handled first, or
   * both at once: each handler records its fact, then whichever finds both starts the charge.
   * Three steps, so that no transaction waits on the card network: commit the PENDING payment;
   * ask the network with the order's key; record its answer with the event. A second start, or a
   * redelivery after a crash in between, finds the PENDING payment and asks again with the same
   * key, which the network answers with its first result: never a second charge.
   */
  const chargeWhenDue = async (cause: Envelope & { data: { orderId: string } }) => {
    const { orderId } = cause.data;
    if (!(await inTransaction(db, (tx) => startPayment(tx, orderId)))) return; // a fact to come
    const charge = await chargeToMake(db, orderId);
    if (!charge) return; // answered already
    const { payment, card } = charge;
    const { id: paymentId, amountCents } = payment;
    const result = await network.charge({
      idempotencyKey: chargeKey(orderId),
      amountCents,
      card,
    });
    await inTransaction(db, async (tx) => {
      if (!(await completePayment(tx, payment, result))) return;
      const trace = causedBy(cause);
      await addToOutbox(
        tx,
        result === "approved"
          ? envelope("payments.payment-succeeded", { orderId, paymentId, amountCents }, trace)
          : envelope("payments.payment-declined", { orderId, reason: "PAYMENT_DECLINED" }, trace),
      );
    });
  };

  const handlers = {
    orderPlaced: async (message: Message<"orders.order-placed">) => {
      const { orderId, totalCents, card } = message.data;
      await once("payments.order-placed", message, (tx) =>
        rememberCharge(tx, orderId, totalCents, card),
      );
      await chargeWhenDue(message);
    },

    stockReserved: async (message: Message<"inventory.stock-reserved">) => {
      const { orderId } = message.data;
      await once("payments.stock-reserved", message, (tx) => rememberReservation(tx, orderId));
      await chargeWhenDue(message);
    },

    orderCancelled: (message: Message<"orders.order-cancelled">) =>
      once("payments.order-cancelled", message, (tx) => refundCancelled(tx, message)),
  };

  /** The one queue of payments carries three kinds of event. */
  return async (message: Message<TypesOn<"payments.order-events">>) => {
    switch (message.type) {
      case "orders.order-placed":
        return handlers.orderPlaced(message);
      case "inventory.stock-reserved":
        return handlers.stockReserved(message);
      case "orders.order-cancelled":
        return handlers.orderCancelled(message);
      default:
        return unexpected(message);
    }
  };
}
