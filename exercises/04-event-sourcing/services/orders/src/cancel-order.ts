// Cancelling: OrderCancelled on the order's stream; inventory, payments and shipping each give
// back their part when the forwarded event reaches them.
import type { Trace } from "../../../messaging/envelope.ts";
import type { Db } from "../prisma/client.ts";
import type { Order } from "./domain/order.ts";
import { handleOrderCommand } from "./handle-order-command.ts";

export async function cancelOrder(db: Db, orderId: string, trace: Trace): Promise<Order> {
  const { order } = await handleOrderCommand(db, { type: "CancelOrder", data: { orderId } }, trace);
  return order;
}
