// Orders' own copy of the catalog: names and prices, kept up to date from catalog events, so that
// placing an order needs no call to the catalog.
import type { Db } from "../../prisma/client.ts";
import type { PriceList } from "../domain/order.ts";

export interface ProductChanged {
  sku: string;
  name: string;
  priceCents: number;
}

export async function priceList(db: Db, skus: string[]): Promise<PriceList> {
  const products = await db.productCopy.findMany({ where: { sku: { in: skus } } });
  return new Map(products.map((p) => [p.sku, p.priceCents]));
}

/**
 * Applies a catalog.product-changed event to the copy. Events can arrive late and out of order
 * (a retried change after a newer snapshot): the copy keeps the newest by the time it happened.
 * Returns whether the copy changed.
 */
export async function applyProductChanged(db: Db, product: ProductChanged, occurredAt: Date): Promise<boolean> {
  const current = await db.productCopy.findUnique({ where: { sku: product.sku } });
  if (current && current.changedAt >= occurredAt) return false;
  const fields = { name: product.name, priceCents: product.priceCents, changedAt: occurredAt };
  await db.productCopy.upsert({ where: { sku: product.sku }, create: { sku: product.sku, ...fields }, update: fields });
  return true;
}

export function listProductCopy(db: Db): Promise<ProductChanged[]> {
  return db.productCopy.findMany({ select: { sku: true, name: true, priceCents: true }, orderBy: { sku: "asc" } });
}
