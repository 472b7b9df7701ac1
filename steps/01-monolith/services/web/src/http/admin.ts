import { Router } from "express";
import { adminGuard } from "@shop/kit";
import type { PrismaClient } from "../../../../prisma/client.ts";
import { resetShop } from "../db/reset.ts";

export function adminRoutes(db: PrismaClient): Router {
  const router = Router();
  // Every /api/admin route changes data, here and in the routers after this one (price, restock):
  // only for callers on this machine that send the admin header.
  router.use("/api/admin", adminGuard());
  router.post("/api/admin/reset", async (req, res) => {
    await resetShop(db);
    req.log.info("shop reset to the seed data");
    res.status(204).end();
  });
  return router;
}
