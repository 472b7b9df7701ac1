// Orders' own copy of the catalog: names and prices, kept up to date from catalog events, so that
// placing an order needs no call to the catalog.
import type { DataOf } from "../../../../messaging/contracts.ts";
import type { Db } from "../../prisma/client.ts";
import type { PriceList } from "../domain/order.ts";

/** The catalog's event; its version counts the product's changes: the higher, the newer. */
export type ProductChanged = DataOf<"catalog.product-changed">;

export async function priceList(db: Db, skus: string[]): Promise<PriceList> {
  const products = await db.productCopy.findMany({ where: { sku: { in: skus } } });
  return new Map(products.map((p) => [p.sku, p.priceCents]));
}

/**
 * Applies a catalog.product-changed event to the copy. Events can arrive late, twice and out of
 * order (a retried change after a newer snapshot), and two changes can share a millisecond: the
 * copy keeps the highest version, the catalog's own count. Returns whether the copy changed.
 */
export async function applyProductChanged(
  db: Db,
  product: ProductChanged,
  occurredAt: Date,
): Promise<boolean> {
  // #region exercise 03.1: the local price copy
  throw new Error("TODO exercise 03.1: the local price copy (npx workshop hint 03.1)");
  // #endregion
}

export function listProductCopy(db: Db): Promise<Omit<ProductChanged, "version">[]> {
  return db.productCopy.findMany({
    select: { sku: true, name: true, priceCents: true },
    orderBy: { sku: "asc" },
  });
}
