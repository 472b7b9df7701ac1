import type { Db } from "../../prisma/client.ts";

/** Stock between 3 and 50, so that a demo can sell out an item in a few clicks. */
export const SEED_STOCK: Record<string, number> = {
  "MUG-001": 25,
  "TEE-001": 40,
  "CAP-001": 12,
  "BAG-001": 8,
  "BOT-001": 30,
  "NTB-001": 50,
  "PEN-001": 5,
  "SOC-001": 20,
  "STK-001": 45,
  "UMB-001": 3,
};

export async function seedInventory(db: Db): Promise<void> {
  await db.release.deleteMany();
  await db.reservation.deleteMany();
  await db.stock.deleteMany();
  await db.stock.createMany({
    data: Object.entries(SEED_STOCK).map(([sku, available]) => ({ sku, available, reserved: 0 })),
  });
}
