// What the catalog tells the world: a product's current name and price, with its version. The
// same event serves a change and the snapshot, so a copy can be rebuilt from either; the version
// lets a copy keep the newest, whatever order the events arrive in.
import { envelope, type Trace } from "../../../../messaging/envelope.ts";
import { addToOutbox } from "../../../../messaging/outbox.ts";
import type { Db } from "../../prisma/client.ts";
import type { VersionedProduct } from "../domain/product.ts";
import { listProducts } from "../db/products.ts";

export const productChanged = (
  { sku, name, priceCents, version }: VersionedProduct,
  trace: Trace,
) => envelope("catalog.product-changed", { sku, name, priceCents, version }, trace);

/** Every product, as events: copies that missed earlier events catch up from this. */
export async function addSnapshotToOutbox(tx: Db, trace: Trace): Promise<void> {
  const products = await listProducts(tx);
  await addToOutbox(tx, ...products.map((p) => productChanged(p, trace)));
}
