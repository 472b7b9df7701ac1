// GET /api/orders/:id/events: the order's status, live, as server-sent events. The storefront
// shows PENDING, then CONFIRMED or REJECTED the moment orders learns it, without a reload.
import type { Response } from "express";
import { NotFound } from "@shop/kit";
import type { PrismaClient } from "../../prisma/client.ts";
import { findOrder } from "../db/orders.ts";
import type { Order } from "../domain/order.ts";
import type { StatusFeed } from "../messaging/status-feed.ts";
import { orderView } from "./order-view.ts";

export async function streamStatus(
  db: PrismaClient,
  feed: StatusFeed,
  orderId: string,
  res: Response,
): Promise<void> {
  // #region exercise 03.2: the live status push
  // Watch first, then read: a change in between is heard, not missed. Until the stream is open,
  // what is heard waits; then the read goes out, then all that was heard meanwhile, in order.
  const heard: Order[] = [];
  let send = (next: Order) => void heard.push(next);
  const stop = feed.watch(orderId, (next) => send(next));
  res.on("close", stop);
  const order = await findOrder(db, orderId);
  if (!order) {
    stop();
    throw new NotFound(`No order ${orderId}`);
  }
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  send = (next) => void res.write(`event: status\ndata: ${JSON.stringify(orderView(next))}\n\n`);
  for (const next of [order, ...heard]) send(next);
  // #endregion
}
