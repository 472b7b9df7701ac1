// Reading the projections: what the storefront sees of orders.
import type { Db } from "../../prisma/client.ts";
import type { Order, OrderLine, OrderStatus, RejectionReason } from "../domain/order.ts";

type Row = {
  id: string;
  status: string;
  totalCents: number;
  lines: string;
  rejectionReason: string | null;
  createdAt: Date;
};

const toOrder = (row: Row): Order => ({
  id: row.id,
  status: row.status as OrderStatus,
  totalCents: row.totalCents,
  lines: JSON.parse(row.lines) as OrderLine[],
  rejectionReason: row.rejectionReason as RejectionReason | null,
  createdAt: row.createdAt,
});

export async function listOrders(db: Db): Promise<Order[]> {
  return (await db.orderView.findMany({ orderBy: { createdAt: "desc" }, take: 100 })).map(toOrder);
}

export function salesByProduct(db: Db) {
  return db.salesByProduct.findMany({ orderBy: { sku: "asc" } });
}

/** Back to nothing, for demos and tests: events, read models, checkpoints, idempotency keys, cards. */
export async function clearOrders(db: Db): Promise<void> {
  await db.idempotencyRecord.deleteMany();
  await db.cardVault.deleteMany();
  await db.orderView.deleteMany();
  await db.salesByProduct.deleteMany();
  await db.checkpoint.deleteMany();
  await db.event.deleteMany();
}
