// The card vault: card numbers, kept out of the event store. An event is kept forever and can
// never be deleted, so no event holds a card number. The number is kept here, in the transaction
// that appends the OrderPlaced; the forwarder reads it to tell payments; it is deleted once the
// order is final. (A real shop would keep a payment provider's token instead.)
import type { Db } from "../../prisma/client.ts";

export async function keepCard(db: Db, orderId: string, card: string): Promise<void> {
  await db.cardVault.create({ data: { orderId, card } });
}

/** The card to charge for this order; null once forgotten, or for an order that never had one here. */
export async function cardOf(db: Db, orderId: string): Promise<string | null> {
  return (await db.cardVault.findUnique({ where: { orderId } }))?.card ?? null;
}

export async function forgetCard(db: Db, orderId: string): Promise<void> {
  await db.cardVault.deleteMany({ where: { orderId } });
}
