import type { Db } from "../../prisma/client.ts";
import { OrderReleased, OutOfStock, type Item, type StockLevel } from "../domain/stock.ts";

export function listStock(db: Db): Promise<StockLevel[]> {
  return db.stock.findMany();
}

/**
 * The reservation already made for this Idempotency-Key, if any: a retry must not reserve twice.
 * Once released it holds nothing, and a retry is refused as a late reservation would be.
 */
export async function reservationFor(db: Db, requestKey: string): Promise<Item[] | null> {
  const rows = await db.reservation.findMany({ where: { requestKey } });
  if (rows.some((row) => row.released)) throw new OrderReleased(rows[0]!.orderId);
  return rows.length > 0 ? rows.map(({ sku, qty }) => ({ sku, qty })) : null;
}

/**
 * Reserves every item or none. Each line is one conditional UPDATE that takes the stock only if
 * enough is available: no other process can write between the check and the write, so two
 * processes never both take the last pen. The first short line throws OutOfStock, and the
 * savepoint gives back the lines taken before it, even if the caller catches it and goes on.
 * An order already released (its reserve was slow, orders gave up) is refused, and the same
 * savepoint gives back what it took: the release that came first stays the last word.
 */
export function reserveItems(
  db: Db,
  orderId: string,
  items: Item[],
  requestKey: string,
): Promise<void> {
  return db.$transaction(async (tx) => {
    for (const { sku, qty } of items) {
      const [taken] = await tx.stock.updateManyAndReturn({
        where: { sku, available: { gte: qty } },
        data: { available: { decrement: qty }, reserved: { increment: qty } },
      });
      if (!taken) {
        const stock = await tx.stock.findUnique({ where: { sku } });
        // the catalog and inventory seeds list the same skus
        if (!stock) throw new Error(`No stock row for ${sku}`);
        throw new OutOfStock(sku, stock.available, qty);
      }
    }
    if (await tx.release.findUnique({ where: { orderId }, select: { orderId: true } }))
      throw new OrderReleased(orderId);
    await tx.reservation.createMany({
      data: items.map(({ sku, qty }) => ({ orderId, sku, qty, requestKey })),
    });
  });
}

/**
 * Gives back what the order still holds, and remembers the release, even when the order holds
 * nothing yet: its reservation may still be on its way. The statement that marks the
 * reservations released is the one that finds them: of two releases, only one gets them back.
 */
export async function releaseItems(db: Db, orderId: string): Promise<void> {
  // One statement that only writes: a read first would fail against a second process (SQLITE_BUSY).
  await db.$executeRaw`INSERT INTO "Release" ("orderId") VALUES (${orderId}) ON CONFLICT DO NOTHING`;
  const released = await db.reservation.updateManyAndReturn({
    where: { orderId, released: false },
    data: { released: true },
  });
  for (const { sku, qty } of released) {
    await db.stock.update({
      where: { sku },
      data: { available: { increment: qty }, reserved: { decrement: qty } },
    });
  }
}

/** Adds to what is available in one statement, not by writing back a level read before. */
export async function restockItem(db: Db, sku: string, qty: number): Promise<StockLevel | null> {
  const [restocked] = await db.stock.updateManyAndReturn({
    where: { sku },
    data: { available: { increment: qty } },
  });
  return restocked ?? null; // null: no such sku
}
