// How inventory reacts to other services' events. Each handler runs once per message (inbox),
// in one transaction with the events it writes to the outbox.
import type { Message } from "../../../../messaging/contracts.ts";
import { causedBy, type Envelope } from "../../../../messaging/envelope.ts";
import { handleOnce } from "../../../../messaging/inbox.ts";
import { addToOutbox } from "../../../../messaging/outbox.ts";
import { inTransaction, type PrismaClient, type Tx } from "../../prisma/client.ts";
import { OutOfStock } from "../domain/stock.ts";
import { releaseItems, reserveItems } from "../db/stock.ts";
import { addSnapshotToOutbox, reservationRejected, stockChanged, stockReserved } from "./events.ts";

export function inventoryHandlers(db: PrismaClient) {
  const once = (consumer: string, message: Envelope, handle: (tx: Tx) => Promise<void>) =>
    handleOnce<Tx>((work) => inTransaction(db, work), consumer, message, handle);

  return {
    /** An order was placed: reserve all its lines, or reject it naming the first short sku. */
    orderPlaced: (message: Message<"orders.order-placed">) =>
      once("inventory.order-placed", message, async (tx) => {
        const { orderId, lines } = message.data;
        const trace = causedBy(message);
        try {
          const levels = await reserveItems(tx, orderId, lines);
          await addToOutbox(
            tx,
            stockReserved(orderId, trace),
            ...levels.map((s) => stockChanged(s, trace)),
          );
        } catch (error) {
          if (!(error instanceof OutOfStock)) throw error;
          await addToOutbox(tx, reservationRejected(orderId, error.details, trace));
        }
      }),

    /** The payment was declined, or the order cancelled: give the stock back. */
    release:
      (consumer: string) =>
      (message: Message<"payments.payment-declined" | "orders.order-cancelled">) =>
        once(consumer, message, async (tx) => {
          const levels = await releaseItems(tx, message.data.orderId);
          await addToOutbox(tx, ...levels.map((s) => stockChanged(s, causedBy(message))));
        }),

    snapshotRequested: (message: Message<"inventory.snapshot-requested">) =>
      inTransaction(db, (tx) => addSnapshotToOutbox(tx, causedBy(message))),
  };
}
