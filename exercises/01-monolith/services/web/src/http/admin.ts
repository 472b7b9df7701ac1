import { Router } from "express";
import type { PrismaClient } from "../../../../prisma/client.ts";
import { resetShop } from "../db/reset.ts";

export function adminRoutes(db: PrismaClient): Router {
  const router = Router();
  router.post("/api/admin/reset", async (req, res) => {
    await resetShop(db);
    req.log.info("shop reset to the seed data");
    res.status(204).end();
  });
  return router;
}
