// The read model the storefront uses: one row per order, with its current status.
import type { Db } from "../../prisma/client.ts";
import type { OrderEvent, OrderLine } from "../domain/order.ts";
import type { StoredEvent } from "../event-store/event-store.ts";
import type { Projection } from "./projection.ts";

export interface OrderRow {
  id: string;
  status: string;
  totalCents: number;
  lines: OrderLine[];
  rejectionReason: string | null;
  createdAt: Date;
  version: number;
}

export function applyToOrderList(rows: Map<string, OrderRow>, stored: StoredEvent): void {
  // #region exercise 04.2: a projection with rebuild
  const event = stored as unknown as StoredEvent<OrderEvent>;
  const id = event.data.orderId;
  if (event.type === "OrderPlaced") {
    const { lines, totalCents, placedAt } = event.data as Extract<
      OrderEvent,
      { type: "OrderPlaced" }
    >["data"];
    rows.set(id, {
      id,
      status: "PENDING",
      totalCents,
      lines,
      rejectionReason: null,
      createdAt: new Date(placedAt),
      version: event.version,
    });
    return;
  }
  const row = rows.get(id);
  if (!row) return; // an event of an order this model never saw placed: nothing to show
  row.version = event.version;
  if (event.type === "OrderConfirmed") row.status = "CONFIRMED";
  if (event.type === "OrderCancelled") row.status = "CANCELLED";
  if (event.type === "OrderRejected") {
    row.status = "REJECTED";
    row.rejectionReason = (
      event.data as Extract<OrderEvent, { type: "OrderRejected" }>["data"]
    ).reason;
  }
  // #endregion
}

export const orderList: Projection<OrderRow> = {
  name: "order-list",
  keysOf: (event) => [event.data.orderId],
  apply: applyToOrderList,
  load: async (db, ids) => {
    const found = await db.orderView.findMany({ where: { id: { in: ids } } });
    return new Map(found.map((r) => [r.id, { ...r, lines: JSON.parse(r.lines) as OrderLine[] }]));
  },
  save: async (db, rows) => {
    await db.orderView.deleteMany({ where: { id: { in: [...rows.keys()] } } });
    await db.orderView.createMany({
      data: [...rows.values()].map((r) => ({ ...r, lines: JSON.stringify(r.lines) })),
    });
  },
  clear: async (db) => {
    await db.orderView.deleteMany();
  },
};
