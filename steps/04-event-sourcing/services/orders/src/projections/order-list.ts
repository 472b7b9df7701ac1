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

/** Pure: the order's row after one more event of its stream (undefined: not placed yet). */
export function applyToOrderList(
  row: OrderRow | undefined,
  event: StoredEvent<OrderEvent>,
): OrderRow | undefined {
  // #region exercise 04.2: a projection with rebuild
  const version = event.version;
  switch (event.type) {
    case "OrderPlaced": {
      const { orderId, lines, totalCents, placedAt } = event.data;
      const createdAt = new Date(placedAt);
      return {
        id: orderId,
        status: "PENDING",
        totalCents,
        lines,
        rejectionReason: null,
        createdAt,
        version,
      };
    }
    // an event of an order this model never saw placed: nothing to show
    case "OrderConfirmed":
      return row && { ...row, status: "CONFIRMED", version };
    case "OrderRejected":
      return row && { ...row, status: "REJECTED", rejectionReason: event.data.reason, version };
    case "OrderCancelled":
      return row && { ...row, status: "CANCELLED", version };
    default: {
      const unhandled: never = event;
      throw new Error(`Unknown event ${JSON.stringify(unhandled)}`);
    }
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
