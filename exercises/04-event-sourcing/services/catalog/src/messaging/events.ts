// What the catalog tells the world: a product's current name and price. The same event serves
// a change and the snapshot, so a copy can be rebuilt from either.
import { envelope, type Trace } from "../../../../messaging/envelope.ts";
import { addToOutbox } from "../../../../messaging/outbox.ts";
import type { Db } from "../../prisma/client.ts";
import type { Product } from "../domain/product.ts";
import { listProducts } from "../db/products.ts";

export const productChanged = (product: Product, trace: Trace) =>
  envelope("catalog.product-changed", { sku: product.sku, name: product.name, priceCents: product.priceCents }, trace);

/** Every product, as events: copies that missed earlier events catch up from this (DESIGN §4). */
export async function addSnapshotToOutbox(tx: Db, trace: Trace): Promise<void> {
  const products = await listProducts(tx);
  await addToOutbox(tx, ...products.map((p) => productChanged(p, trace)));
}
