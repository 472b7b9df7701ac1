// GET /api/orders/:id/events: the order's status, live, as server-sent events. The storefront
// shows PENDING, then CONFIRMED or REJECTED the moment orders learns it, without a reload.
import type { Request, Response } from "express";
import type { PrismaClient } from "../../prisma/client.ts";
import type { Order } from "../domain/order.ts";
import type { StatusFeed } from "../messaging/status-feed.ts";
import { orderAt } from "../order-history.ts";
import { orderView } from "./order-view.ts";

export async function streamStatus(
  db: PrismaClient,
  feed: StatusFeed,
  orderId: string,
  req: Request,
  res: Response,
): Promise<void> {
  const send = (order: Order) =>
    res.write(`event: status\ndata: ${JSON.stringify(orderView(order))}\n\n`);
  const stop = feed.watch(orderId, send); // watch first, then read: no change can fall in between
  let order: Order;
  try {
    ({ order } = await orderAt(db, orderId));
  } catch (error) {
    stop();
    throw error;
  }
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  send(order);
  req.on("close", stop);
}
