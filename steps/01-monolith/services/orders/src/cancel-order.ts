// Cancelling gives everything back in one transaction: the stock, the money and the shipment.
import { NotFound } from "@shop/kit";
import type { Db } from "../../../prisma/client.ts";
import { dependencies } from "./dependencies.ts";
import { cancelOrder as decide, type Order } from "./domain/order.ts";
import { findOrder, saveStatus } from "./db/orders.ts";

export async function cancelOrder(tx: Db, orderId: string): Promise<Order> {
  // #region exercise 01.1: cancel gives everything back
  const order = await findOrder(tx, orderId);
  if (!order) throw new NotFound(`No order ${orderId}`);
  const cancelled = decide(order);
  const { inventory, payments, shipping } = dependencies(tx);
  await inventory.release(orderId);
  await payments.refund(orderId);
  await shipping.cancel(orderId);
  await saveStatus(tx, cancelled);
  return cancelled;
  // #endregion
}
