import { Router } from "express";
import { NotFound, validate } from "@shop/kit";
import { z } from "zod";
import { addToOutbox, type Relay } from "../../../../messaging/outbox.ts";
import { inTransaction, type PrismaClient } from "../../prisma/client.ts";
import { changePrice, MAX_PRICE_CENTS } from "../domain/product.ts";
import { findProduct, saveProduct } from "../db/products.ts";
import { seedCatalog } from "../db/seed.ts";
import { addSnapshotToOutbox, productChanged } from "../messaging/events.ts";

const ChangePriceBody = z.object({
  priceCents: z
    .int("must be a whole number of cents")
    .min(1, "must be at least 1")
    .max(MAX_PRICE_CENTS, `must be at most ${MAX_PRICE_CENTS}`),
});

export function catalogRoutes(db: PrismaClient, relay: Relay): Router {
  const router = Router();

  router.put("/api/admin/products/:sku/price", async (req, res) => {
    const { priceCents } = validate(ChangePriceBody, req.body);
    const product = await inTransaction(db, async (tx) => {
      const current = await findProduct(tx, req.params.sku);
      if (!current) throw new NotFound(`No product ${req.params.sku}`);
      const saved = await saveProduct(tx, changePrice(current, priceCents));
      await addToOutbox(tx, productChanged(saved, { correlationId: String(req.id) }));
      return saved;
    });
    relay.kick();
    res.json(product);
  });

  router.post("/admin/reset", async (req, res) => {
    await inTransaction(db, async (tx) => {
      await seedCatalog(tx);
      await addSnapshotToOutbox(tx, { correlationId: String(req.id) });
    });
    relay.kick();
    res.status(204).end();
  });

  return router;
}
