import type { Db } from "../../../../prisma/client.ts";
import { release, reserve, type Item, type StockLevel } from "../domain/stock.ts";

export function listStock(db: Db): Promise<StockLevel[]> {
  return db.stock.findMany();
}

export function findStock(db: Db, sku: string): Promise<StockLevel | null> {
  return db.stock.findUnique({ where: { sku } });
}

export async function saveStock(db: Db, stock: StockLevel): Promise<void> {
  await db.stock.update({
    where: { sku: stock.sku },
    data: { available: stock.available, reserved: stock.reserved },
  });
}

/** Reserves every item for the order, or throws OutOfStock (the caller's transaction undoes the rest). */
export async function reserveItems(db: Db, orderId: string, items: Item[]): Promise<void> {
  for (const { sku, qty } of items) {
    const stock = await findStock(db, sku);
    if (!stock) throw new Error(`No stock row for ${sku}`); // the catalog and inventory seeds list the same skus
    await saveStock(db, reserve(stock, qty));
    await db.reservation.create({ data: { orderId, sku, qty } });
  }
}

/** Gives back what the order holds; releasing twice gives back once. */
export async function releaseItems(db: Db, orderId: string): Promise<void> {
  const held = await db.reservation.findMany({ where: { orderId, released: false } });
  for (const { sku, qty } of held) {
    const stock = await findStock(db, sku);
    if (stock) await saveStock(db, release(stock, qty));
  }
  await db.reservation.updateMany({ where: { orderId }, data: { released: true } });
}
