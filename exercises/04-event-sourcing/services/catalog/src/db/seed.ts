import type { Db } from "../../prisma/client.ts";
import type { Product } from "../domain/product.ts";

export const SEED_PRODUCTS: Product[] = [
  { sku: "MUG-001", name: "Enamel camp mug", priceCents: 1299 },
  { sku: "TEE-001", name: "Organic cotton tee", priceCents: 2499 },
  { sku: "CAP-001", name: "Canvas cap", priceCents: 1999 },
  { sku: "BAG-001", name: "Waxed tote bag", priceCents: 3499 },
  { sku: "BOT-001", name: "Steel water bottle", priceCents: 2299 },
  { sku: "NTB-001", name: "Dot-grid notebook", priceCents: 899 },
  { sku: "PEN-001", name: "Brass pen", priceCents: 4599 },
  { sku: "SOC-001", name: "Merino socks", priceCents: 1499 },
  { sku: "STK-001", name: "Sticker pack", priceCents: 499 },
  { sku: "UMB-001", name: "Compact umbrella", priceCents: 2899 },
];

/** A reset is a change like any other: versions go on counting, or the copies would ignore it. */
export async function seedCatalog(db: Db): Promise<void> {
  for (const product of SEED_PRODUCTS) {
    const update = { ...product, version: { increment: 1 } };
    await db.product.upsert({ where: { sku: product.sku }, create: product, update });
  }
}
