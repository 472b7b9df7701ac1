// Back to the seed data, for demos and tests. Every module clears and seeds its own tables.
import { inTransaction, type PrismaClient } from "../../../../prisma/client.ts";
import { seedCatalog } from "../../../catalog/src/db/seed.ts";
import { seedInventory } from "../../../inventory/src/db/seed.ts";
import { clearOrders } from "../../../orders/src/db/orders.ts";
import { clearPayments } from "../../../payments/src/db/payments.ts";
import { clearShipments } from "../../../shipping/src/db/shipments.ts";

export function resetShop(db: PrismaClient): Promise<void> {
  return inTransaction(db, async (tx) => {
    await clearOrders(tx);
    await clearPayments(tx);
    await clearShipments(tx);
    await seedCatalog(tx);
    await seedInventory(tx);
  });
}

/** Seeds an empty database; a database with products keeps its data across restarts. */
export async function seedIfEmpty(db: PrismaClient): Promise<void> {
  if ((await db.product.count()) === 0) await resetShop(db);
}
