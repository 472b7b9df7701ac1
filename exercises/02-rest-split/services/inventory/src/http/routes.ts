import { Router } from "express";
import { InvalidInput, NotFound, validate } from "@shop/kit";
import { z } from "zod";
import { inTransaction, type PrismaClient } from "../../prisma/client.ts";
import { listStock, releaseItems, reservationFor, reserveItems, restockItem } from "../db/stock.ts";
import { seedInventory } from "../db/seed.ts";

const RestockBody = z.object({
  qty: z
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(10_000, "must be at most 10000"),
});

const ReserveBody = z.object({
  orderId: z.uuid("must be an order id"),
  items: z.array(z.object({ sku: z.string().min(1), qty: z.int().min(1) })).min(1),
});

export function inventoryRoutes(db: PrismaClient): Router {
  const router = Router();

  router.post("/api/admin/products/:sku/restock", async (req, res) => {
    const { qty } = validate(RestockBody, req.body);
    const stock = await restockItem(db, req.params.sku, qty);
    if (!stock) throw new NotFound(`No product ${req.params.sku}`);
    res.json(stock);
  });

  // For the other services: stock is now something you call.
  router.get("/stock", async (_req, res) => {
    res.json(await listStock(db));
  });

  /** Reserve all items or none. Safe to retry: the same Idempotency-Key returns the first reservation. */
  router.post("/reservations", async (req, res) => {
    const { orderId, items } = validate(ReserveBody, req.body);
    const key = req.get("Idempotency-Key");
    if (!key)
      throw new InvalidInput({
        "Idempotency-Key": "is required: a retried reservation must not reserve twice",
      });
    // Looked up before the transaction, which must start with its write (see inTransaction). A
    // retry that overtakes its first request fails on the Reservation key; the next retry finds it.
    const earlier = await reservationFor(db, key);
    if (!earlier) await inTransaction(db, (tx) => reserveItems(tx, orderId, items, key));
    res.status(201).json({ orderId, items: earlier ?? items });
  });

  /** Naturally idempotent: releasing twice gives back once. */
  router.post("/reservations/:orderId/release", async (req, res) => {
    await inTransaction(db, (tx) => releaseItems(tx, req.params.orderId));
    res.status(204).end();
  });

  router.post("/admin/reset", async (_req, res) => {
    await inTransaction(db, seedInventory);
    res.status(204).end();
  });

  return router;
}
