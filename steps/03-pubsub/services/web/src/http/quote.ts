// The one call that stays synchronous, on purpose: a carrier's rate depends on this cart, now,
// so it cannot be pushed ahead of time. It gets a short timeout, and a flat rate when shipping is
// slow or down: the shopper can still check out, and the real rate is the carrier's business.
import { Router } from "express";
import { validate } from "@shop/kit";
import { z } from "zod";
import type { PrismaClient } from "../../prisma/client.ts";
import { knowsSku } from "../db/product-view.ts";

export const QUOTE_TIMEOUT_MS = Number(process.env.QUOTE_TIMEOUT_MS ?? 300);
export const FLAT_RATE_CENTS = 999;

class UnknownSku extends Error {
  readonly code = "UNKNOWN_SKU";
  constructor(readonly skus: string[]) {
    super(`Unknown sku: ${skus.join(", ")}`);
  }
  get details() {
    return { skus: this.skus };
  }
}

const QuoteQuery = z.object({
  sku: z
    .string("is required")
    .min(1, "is required")
    .regex(/^[A-Z0-9-]{1,32}$/, "must be a sku such as MUG-001"),
  // plain decimal integers: Number() alone would also take "0x10", "1e2" and " 5"
  qty: z
    .string("must be a number")
    .refine((text) => !Number.isNaN(Number(text)), "must be a number")
    .regex(/^-?\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().min(1, "must be at least 1").max(100, "must be at most 100")),
});

export function quoteRoutes(db: PrismaClient, shippingUrl: string): Router {
  const router = Router();
  router.get("/api/shipping/quote", async (req, res) => {
    const { sku, qty } = validate(QuoteQuery, req.query);
    if (!(await knowsSku(db, sku))) throw new UnknownSku([sku]);
    // #region exercise 03.4: synchronous when necessary, with a fallback
    try {
      const response = await fetch(
        `${shippingUrl}/api/shipping/quote?sku=${encodeURIComponent(sku)}&qty=${qty}`,
        {
          headers: { "x-correlation-id": String(req.id) },
          signal: AbortSignal.timeout(QUOTE_TIMEOUT_MS),
        },
      );
      if (response.ok) {
        res.json(await response.json());
        return;
      }
    } catch {
      // too slow or down: fall through to the flat rate
    }
    req.log.warn({ dependency: "shipping" }, "shipping did not quote: flat rate");
    res.json({ cents: FLAT_RATE_CENTS, source: "fallback" });
    // #endregion
  });
  return router;
}
