// How inventory reacts to other services' events. Each handler runs once per message (inbox),
// in one transaction with the events it writes to the outbox.
import { causedBy, type Envelope } from "../../../../messaging/envelope.ts";
import { handleOnce } from "../../../../messaging/inbox.ts";
import { addToOutbox } from "../../../../messaging/outbox.ts";
import { inTransaction, type PrismaClient, type Tx } from "../../prisma/client.ts";
import { OutOfStock, type Item } from "../domain/stock.ts";
import { releaseItems, reserveItems } from "../db/stock.ts";
import { addSnapshotToOutbox, reservationRejected, stockChanged, stockReserved } from "./events.ts";

export function inventoryHandlers(db: PrismaClient) {
  const once = (consumer: string, message: Envelope, handle: (tx: Tx) => Promise<void>) =>
    handleOnce<Tx>((work) => inTransaction(db, work), consumer, message, handle);

  return {
    /** An order was placed: reserve all its lines, or reject it naming the first short sku. */
    orderPlaced: (message: Envelope) =>
      once("inventory.order-placed", message, async (tx) => {
        const { orderId, lines } = message.data as { orderId: string; lines: Item[] };
        const trace = causedBy(message);
        try {
          const levels = await reserveItems(tx, orderId, lines);
          await addToOutbox(tx, stockReserved(orderId, trace), ...levels.map((s) => stockChanged(s, trace)));
        } catch (error) {
          if (!(error instanceof OutOfStock)) throw error;
          await addToOutbox(tx, reservationRejected(orderId, error.details, trace));
        }
      }),

    /** The payment was declined, or the order cancelled: give the stock back. */
    release: (consumer: string) => (message: Envelope) =>
      once(consumer, message, async (tx) => {
        const levels = await releaseItems(tx, (message.data as { orderId: string }).orderId);
        await addToOutbox(tx, ...levels.map((s) => stockChanged(s, causedBy(message))));
      }),

    snapshotRequested: (message: Envelope) => inTransaction(db, (tx) => addSnapshotToOutbox(tx, causedBy(message))),
  };
}
