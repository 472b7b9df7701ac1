// Orders stuck PENDING. An outcome that never comes (its message parked in a .dlq, a service down
// for good) leaves an order PENDING, and no error says so anywhere. So a sweeper looks every few
// seconds and logs a warning for each order once it is stuck; GET /admin/stuck-orders lists them.
import { Router } from "express";
import type { Logger } from "@shop/kit";
import type { PrismaClient } from "../prisma/client.ts";
import { orderAt } from "./order-history.ts";

export interface StuckOrder {
  id: string;
  status: string;
  createdAt: string;
  pendingForMs: number;
}

/**
 * Orders PENDING for longer than stuckAfterMs, oldest first. The list (a read model) finds the
 * candidates; each one's stream has the last word, since the list may lag behind it.
 */
export async function findStuckOrders(
  db: PrismaClient,
  stuckAfterMs: number,
  now = Date.now(),
): Promise<StuckOrder[]> {
  const candidates = await db.orderView.findMany({
    where: { status: "PENDING", createdAt: { lt: new Date(now - stuckAfterMs) } },
    orderBy: { createdAt: "asc" },
    take: 100,
  });
  const rows = [];
  for (const row of candidates)
    if ((await orderAt(db, row.id)).order.status === "PENDING") rows.push(row);
  return rows.map(({ id, status, createdAt }) => ({
    id,
    status,
    createdAt: createdAt.toISOString(),
    pendingForMs: now - createdAt.getTime(),
  }));
}

/** Sweeps every few seconds; returns the route that lists the stuck orders, and stop(). */
export function startStuckOrderSweeper(
  db: PrismaClient,
  log: Logger,
  stuckAfterMs: number,
  everyMs = Math.min(stuckAfterMs, 5_000),
) {
  let reported = new Set<string>();
  const sweep = async () => {
    const stuck = await findStuckOrders(db, stuckAfterMs);
    for (const { id, pendingForMs } of stuck) {
      if (!reported.has(id))
        log.warn(
          { orderId: id, pendingForMs },
          "order stuck PENDING: an event lost, or in a .dlq?",
        );
    }
    reported = new Set(stuck.map((order) => order.id)); // once per order; a settled one is forgotten
  };
  const timer = setInterval(
    () => sweep().catch((err) => log.warn({ err: String(err) }, "stuck-order sweep failed")),
    everyMs,
  );

  const routes = Router();
  routes.get("/admin/stuck-orders", async (_req, res) => {
    res.json({ stuckAfterMs, orders: await findStuckOrders(db, stuckAfterMs) });
  });
  return { routes, stop: () => clearInterval(timer) };
}
