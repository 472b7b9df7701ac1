// The gateway's own copy of what the storefront lists: names and prices from the catalog's
// events, stock from inventory's. Each event updates only its own columns.
import type { Db } from "../../prisma/client.ts";

export async function applyProductChanged(db: Db, { sku, name, priceCents }: { sku: string; name: string; priceCents: number }): Promise<void> {
  await db.productView.upsert({ where: { sku }, create: { sku, name, priceCents }, update: { name, priceCents } });
}

export async function applyStockChanged(db: Db, { sku, available }: { sku: string; available: number }): Promise<void> {
  await db.productView.upsert({ where: { sku }, create: { sku, available }, update: { available } });
}

/** Products the catalog has told us about, with the stock inventory has told us about. */
export async function listProducts(db: Db) {
  const rows = await db.productView.findMany({ where: { name: { not: null } }, orderBy: { name: "asc" } });
  return rows.map(({ sku, name, priceCents, available }) => ({ sku, name: name!, priceCents: priceCents!, available }));
}

export async function knowsSku(db: Db, sku: string): Promise<boolean> {
  return (await db.productView.count({ where: { sku, name: { not: null } } })) > 0;
}
