import { Router } from "express";
import { NotFound, validate } from "@shop/kit";
import { z } from "zod";
import { addToOutbox, type Relay } from "../../../../messaging/outbox.ts";
import { inTransaction, type PrismaClient } from "../../prisma/client.ts";
import { restockItem } from "../db/stock.ts";
import { seedInventory } from "../db/seed.ts";
import { addSnapshotToOutbox, stockChanged } from "../messaging/events.ts";

const RestockBody = z.object({
  qty: z
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(10_000, "must be at most 10000"),
});

export function inventoryRoutes(db: PrismaClient, relay: Relay): Router {
  const router = Router();

  router.post("/api/admin/products/:sku/restock", async (req, res) => {
    const { qty } = validate(RestockBody, req.body);
    const stock = await inTransaction(db, async (tx) => {
      const restocked = await restockItem(tx, req.params.sku, qty);
      if (!restocked) throw new NotFound(`No product ${req.params.sku}`);
      await addToOutbox(tx, stockChanged(restocked, { correlationId: String(req.id) }));
      return restocked;
    });
    relay.kick();
    res.json(stock);
  });

  router.post("/admin/reset", async (req, res) => {
    await inTransaction(db, async (tx) => {
      await seedInventory(tx);
      await addSnapshotToOutbox(tx, { correlationId: String(req.id) });
    });
    relay.kick();
    res.status(204).end();
  });

  return router;
}
