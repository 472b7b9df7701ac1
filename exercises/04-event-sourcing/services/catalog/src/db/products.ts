import type { Db } from "../../prisma/client.ts";
import type { Product, VersionedProduct } from "../domain/product.ts";

export function listProducts(db: Db): Promise<VersionedProduct[]> {
  return db.product.findMany({ orderBy: { name: "asc" } });
}

export function findProduct(db: Db, sku: string): Promise<VersionedProduct | null> {
  return db.product.findUnique({ where: { sku } });
}

/** Saves the product as one more version of it, and returns it with that version. */
export function saveProduct(db: Db, product: Product): Promise<VersionedProduct> {
  const { sku, name, priceCents } = product;
  return db.product.update({
    where: { sku },
    data: { name, priceCents, version: { increment: 1 } },
  });
}
