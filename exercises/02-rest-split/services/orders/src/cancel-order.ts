// Cancelling asks three services to give back what they hold. Each call is idempotent, so when
// one fails the order stays CONFIRMED and a retried cancel finishes the job.
import { NotFound } from "@shop/kit";
import type { Db } from "../prisma/client.ts";
import type { Dependencies } from "./dependencies.ts";
import { cancelOrder as decide, type Order } from "./domain/order.ts";
import { findOrder, saveStatus } from "./db/orders.ts";

export async function cancelOrder(db: Db, deps: Dependencies, orderId: string): Promise<Order> {
  const order = await findOrder(db, orderId);
  if (!order) throw new NotFound(`No order ${orderId}`);
  const cancelled = decide(order);
  await deps.inventory.release(orderId);
  await deps.payments.refund(orderId);
  await deps.shipping.cancel(orderId);
  await saveStatus(db, cancelled);
  return cancelled;
}
