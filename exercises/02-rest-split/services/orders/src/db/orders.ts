import type { Db } from "../../prisma/client.ts";
import type { Order, OrderStatus } from "../domain/order.ts";

const withLines = { lines: { orderBy: { lineNo: "asc" as const } } };

type Row = {
  id: string;
  status: string;
  totalCents: number;
  createdAt: Date;
  lines: { sku: string; qty: number; unitPriceCents: number }[];
};

const toOrder = (row: Row): Order => ({
  id: row.id,
  status: row.status as OrderStatus,
  totalCents: row.totalCents,
  createdAt: row.createdAt,
  lines: row.lines.map(({ sku, qty, unitPriceCents }) => ({ sku, qty, unitPriceCents })),
});

/** A new order, PENDING, waiting for its first step (the default), held by its driver until `deadlineAt`. */
export async function insertOrder(db: Db, order: Order, deadlineAt: Date): Promise<void> {
  await db.order.create({
    data: {
      id: order.id,
      status: order.status,
      totalCents: order.totalCents,
      createdAt: order.createdAt,
      deadlineAt,
      lines: { create: order.lines.map((line, lineNo) => ({ lineNo, ...line })) },
    },
  });
}

export async function saveStatus(db: Db, order: Order): Promise<void> {
  await db.order.update({ where: { id: order.id }, data: { status: order.status } });
}

export async function findOrder(db: Db, id: string): Promise<Order | null> {
  const row = await db.order.findUnique({ where: { id }, include: withLines });
  return row && toOrder(row);
}

/** What the shopper was given. A PENDING order is still being placed, a REJECTED one was answered with an error. */
const SHOWN: OrderStatus[] = ["CONFIRMED", "CANCELLING", "CANCELLED"];

export async function listOrders(db: Db): Promise<Order[]> {
  const shown = { status: { in: SHOWN } };
  const rows = await db.order.findMany({
    where: shown,
    include: withLines,
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map(toOrder);
}

export async function clearOrders(db: Db): Promise<void> {
  await db.idempotencyRecord.deleteMany();
  await db.priceCache.deleteMany();
  await db.compensation.deleteMany();
  await db.order.deleteMany();
}
