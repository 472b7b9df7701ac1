import type { Db } from "../../prisma/client.ts";
import { release, reserve, type Item, type StockLevel } from "../domain/stock.ts";

export function listStock(db: Db): Promise<StockLevel[]> {
  return db.stock.findMany();
}

export function findStock(db: Db, sku: string): Promise<StockLevel | null> {
  return db.stock.findUnique({ where: { sku } });
}

export async function saveStock(db: Db, stock: StockLevel): Promise<void> {
  await db.stock.update({ where: { sku: stock.sku }, data: { available: stock.available, reserved: stock.reserved } });
}

/** Reserves every item or none: all lines are checked (OutOfStock names the first short one) before any is written. */
export async function reserveItems(db: Db, orderId: string, items: Item[]): Promise<StockLevel[]> {
  const reserved: StockLevel[] = [];
  for (const { sku, qty } of items) {
    const stock = (await findStock(db, sku)) ?? { sku, available: 0, reserved: 0 };
    reserved.push(reserve(stock, qty));
  }
  for (const stock of reserved) await saveStock(db, stock);
  await db.reservation.createMany({ data: items.map(({ sku, qty }) => ({ orderId, sku, qty })) });
  return reserved;
}

/** Gives back what the order holds; releasing twice gives back once. Returns the levels it changed. */
export async function releaseItems(db: Db, orderId: string): Promise<StockLevel[]> {
  const held = await db.reservation.findMany({ where: { orderId, released: false } });
  const changed: StockLevel[] = [];
  for (const { sku, qty } of held) {
    const stock = await findStock(db, sku);
    if (stock) {
      const released = release(stock, qty);
      await saveStock(db, released);
      changed.push(released);
    }
  }
  await db.reservation.updateMany({ where: { orderId }, data: { released: true } });
  return changed;
}
