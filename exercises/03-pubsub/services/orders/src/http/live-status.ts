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
  throw new Error("TODO exercise 03.2: the live status push (npx workshop hint 03.2)");
  // #endregion
}
