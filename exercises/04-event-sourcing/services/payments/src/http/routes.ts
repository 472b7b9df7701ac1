import { Router } from "express";
import type { PrismaClient } from "../../prisma/client.ts";
import { clearPayments } from "../db/payments.ts";

export function paymentsRoutes(db: PrismaClient): Router {
  const router = Router();
  router.post("/admin/reset", async (_req, res) => {
    await clearPayments(db);
    res.status(204).end();
  });
  return router;
}
