import type { Db } from "../../prisma/client.ts";
import { OutOfStock, type Item, type StockLevel } from "../domain/stock.ts";

export function listStock(db: Db): Promise<StockLevel[]> {
  return db.stock.findMany();
}

/**
 * Reserves every item or none, and returns the levels it changed. Each line is one conditional
 * UPDATE that takes the stock only if enough is available: no other process can write between
 * the check and the write, so two processes never both take the last pen. The first short line
 * throws OutOfStock, and the savepoint gives back the lines taken before it, even if the caller
 * catches it and goes on. Every change counts one more version of the sku, for the copies.
 */
export function reserveItems(db: Db, orderId: string, items: Item[]): Promise<StockLevel[]> {
  return db.$transaction(async (tx) => {
    const levels: StockLevel[] = [];
    for (const { sku, qty } of items) {
      const [taken] = await tx.stock.updateManyAndReturn({
        where: { sku, available: { gte: qty } },
        data: {
          available: { decrement: qty },
          reserved: { increment: qty },
          version: { increment: 1 },
        },
      });
      if (!taken) {
        const stock = await tx.stock.findUnique({ where: { sku } });
        throw new OutOfStock(sku, stock?.available ?? 0, qty);
      }
      levels.push(taken);
    }
    await tx.reservation.createMany({ data: items.map(({ sku, qty }) => ({ orderId, sku, qty })) });
    return levels;
  });
}

/**
 * Gives back what the order still holds, and returns the levels it changed. The statement that
 * marks its reservations released is the one that finds them: of two releases, even in two
 * processes, only one gets them back.
 */
export async function releaseItems(db: Db, orderId: string): Promise<StockLevel[]> {
  const released = await db.reservation.updateManyAndReturn({
    where: { orderId, released: false },
    data: { released: true },
  });
  const levels: StockLevel[] = [];
  for (const { sku, qty } of released) {
    const level = await db.stock.update({
      where: { sku },
      data: {
        available: { increment: qty },
        reserved: { decrement: qty },
        version: { increment: 1 },
      },
    });
    levels.push(level);
  }
  return levels;
}

/** Adds to what is available in one statement, not by writing back a level read before. */
export async function restockItem(db: Db, sku: string, qty: number): Promise<StockLevel | null> {
  const [restocked] = await db.stock.updateManyAndReturn({
    where: { sku },
    data: { available: { increment: qty }, version: { increment: 1 } },
  });
  return restocked ?? null; // null: no such sku
}
