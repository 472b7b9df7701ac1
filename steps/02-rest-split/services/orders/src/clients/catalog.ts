// Prices come from the catalog, one call per order line: the way a naive split does it.
// When the catalog does not answer, the last price it gave is used if it is recent enough.
import { DependencyUnavailable, RemoteRefusal, type Logger } from "@shop/kit";
import type { Db } from "../../prisma/client.ts";
import { lastKnownPrice, rememberPrice } from "../db/price-cache.ts";
import type { PriceList } from "../domain/order.ts";
import { send, type CallContext } from "./http.ts";
import type { Caller } from "./resilience.ts";

export const PRICE_MAX_AGE_MS = Number(process.env.PRICE_MAX_AGE_MS ?? 10 * 60_000);

export function catalogClient(baseUrl: string, caller: Caller, db: Db, log: Logger) {
  async function priceOf(ctx: CallContext, sku: string): Promise<number | undefined> {
    try {
      const product = await caller.call(
        (signal) =>
          send<{ priceCents: number }>(ctx, signal, {
            method: "GET",
            url: `${baseUrl}/products/${encodeURIComponent(sku)}`,
          }),
        ctx.deadline,
      );
      await rememberPrice(db, sku, product.priceCents);
      return product.priceCents;
    } catch (error) {
      if (error instanceof RemoteRefusal && error.code === "NOT_FOUND") return undefined;
      if (!(error instanceof DependencyUnavailable)) throw error;
      const cached = await lastKnownPrice(db, sku, PRICE_MAX_AGE_MS);
      if (cached === undefined) throw error;
      log.warn(
        { correlationId: ctx.correlationId, sku, dependency: "catalog" },
        "catalog unavailable: using the last known price",
      );
      return cached;
    }
  }

  return {
    priceList: async (ctx: CallContext, skus: string[]): Promise<PriceList> => {
      const prices = new Map<string, number>();
      for (const sku of skus) {
        const price = await priceOf(ctx, sku);
        if (price !== undefined) prices.set(sku, price);
      }
      return prices;
    },
  };
}
