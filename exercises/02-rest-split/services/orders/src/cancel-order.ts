// Cancelling asks three services to give back their part, and any of them can fail. So the order
// becomes CANCELLING first, owing the three undos, in one transaction; they are tried at once,
// then by the compensation loop, and the order is CANCELLED once all three are done. The
// shipment goes first: until it is cancelled, the stock stays reserved and the payment kept.
import { NotFound, type Logger } from "@shop/kit";
import { inTransaction, type PrismaClient } from "../prisma/client.ts";
import { undoWhatIsOwed } from "./compensation.ts";
import type { UndoCalls } from "./dependencies.ts";
import { cancelOrder as decide, type Order } from "./domain/order.ts";
import { findOrder, saveStatus } from "./db/orders.ts";
import { oweUndos } from "./db/saga.ts";

export async function cancelOrder(
  db: PrismaClient,
  undo: UndoCalls,
  orderId: string,
  log: Logger,
): Promise<Order> {
  const cancelling = await inTransaction(db, async (tx) => {
    const order = await findOrder(tx, orderId);
    if (!order) throw new NotFound(`No order ${orderId}`);
    const next = decide(order);
    await saveStatus(tx, next);
    await oweUndos(tx, orderId, ["cancelShipment", "refund", "release"]);
    return next;
  });
  const allDone = await undoWhatIsOwed(db, undo, orderId, log);
  return allDone ? { ...cancelling, status: "CANCELLED" } : cancelling;
}
