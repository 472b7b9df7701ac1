import type { Db } from "../../prisma/client.ts";
import type { Product } from "../domain/product.ts";

export function listProducts(db: Db): Promise<Product[]> {
  return db.product.findMany({ orderBy: { name: "asc" } });
}

export function findProduct(db: Db, sku: string): Promise<Product | null> {
  return db.product.findUnique({ where: { sku } });
}

export async function saveProduct(db: Db, product: Product): Promise<void> {
  await db.product.update({
    where: { sku: product.sku },
    data: { name: product.name, priceCents: product.priceCents },
  });
}
