// The gateway's own copy of what the storefront lists: names and prices from the catalog's
// events, stock from inventory's. Each event updates only its own columns, and only over an older
// version from the same owner: events can arrive late, twice and out of order.
import type { DataOf } from "../../../../messaging/contracts.ts";
import type { Db } from "../../prisma/client.ts";

/** Its version is the catalog's count of changes to the product. */
export type ProductChanged = DataOf<"catalog.product-changed">;
/** Its version is inventory's count of changes to the sku's stock. */
export type StockChanged = DataOf<"inventory.stock-changed">;

// Each apply is one statement that inserts a new sku or overwrites an older version, and nothing
// else: a read and then a write would let another event in between them. True when it changed.

export async function applyProductChanged(db: Db, product: ProductChanged): Promise<boolean> {
  const { sku, name, priceCents, version } = product;
  const changed = await db.$executeRaw`
    INSERT INTO "ProductView" ("sku", "name", "priceCents", "productVersion")
    VALUES (${sku}, ${name}, ${priceCents}, ${version})
    ON CONFLICT ("sku") DO UPDATE
      SET "name" = excluded."name", "priceCents" = excluded."priceCents",
          "productVersion" = excluded."productVersion"
      WHERE excluded."productVersion" > "ProductView"."productVersion"`;
  return changed > 0;
}

export async function applyStockChanged(db: Db, stock: StockChanged): Promise<boolean> {
  const { sku, available, version } = stock;
  const changed = await db.$executeRaw`
    INSERT INTO "ProductView" ("sku", "available", "stockVersion")
    VALUES (${sku}, ${available}, ${version})
    ON CONFLICT ("sku") DO UPDATE
      SET "available" = excluded."available", "stockVersion" = excluded."stockVersion"
      WHERE excluded."stockVersion" > "ProductView"."stockVersion"`;
  return changed > 0;
}

/** Products the catalog has told us about, with the stock inventory has told us about. */
export async function listProducts(db: Db) {
  const rows = await db.productView.findMany({
    where: { name: { not: null } },
    orderBy: { name: "asc" },
  });
  return rows.map(({ sku, name, priceCents, available }) => ({
    sku,
    name: name!,
    priceCents: priceCents!,
    available,
  }));
}

export async function knowsSku(db: Db, sku: string): Promise<boolean> {
  return (await db.productView.count({ where: { sku, name: { not: null } } })) > 0;
}
