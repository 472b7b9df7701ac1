import type { Db } from "../../../../prisma/client.ts";
import type { PriceList, Product } from "../domain/product.ts";

export function listProducts(db: Db): Promise<Product[]> {
  return db.product.findMany({ orderBy: { name: "asc" } });
}

export function findProduct(db: Db, sku: string): Promise<Product | null> {
  return db.product.findUnique({ where: { sku } });
}

export async function priceList(db: Db, skus: string[]): Promise<PriceList> {
  const products = await db.product.findMany({ where: { sku: { in: skus } } });
  return new Map(products.map((p) => [p.sku, p.priceCents]));
}

export async function saveProduct(db: Db, product: Product): Promise<void> {
  await db.product.update({
    where: { sku: product.sku },
    data: { name: product.name, priceCents: product.priceCents },
  });
}
