// Cancelling: the order becomes CANCELLED and says so; inventory, payments and shipping each
// give back their part when the event reaches them.
import { NotFound } from "@shop/kit";
import type { Db } from "../prisma/client.ts";
import type { Trace } from "../../../messaging/envelope.ts";
import { addToOutbox } from "../../../messaging/outbox.ts";
import { cancelOrder as decide, type Order } from "./domain/order.ts";
import { findOrder, saveStatus } from "./db/orders.ts";
import { orderCancelled } from "./messaging/events.ts";

export async function cancelOrder(tx: Db, orderId: string, trace: Trace): Promise<Order> {
  const order = await findOrder(tx, orderId);
  if (!order) throw new NotFound(`No order ${orderId}`);
  // #region exercise 03.7: cancel as an event
  const cancelled = decide(order);
  await saveStatus(tx, cancelled);
  // in the same transaction: the cancel and its event are both committed, or neither
  await addToOutbox(tx, orderCancelled(cancelled, trace));
  return cancelled;
  // #endregion
}
