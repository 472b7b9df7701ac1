// What an order needs from the other modules. In the monolith these are plain function calls
// that run inside the order's own database transaction: all of it commits, or none of it does.
import type { Db } from "../../../prisma/client.ts";
import { priceList } from "../../catalog/src/db/products.ts";
import { releaseItems, reserveItems } from "../../inventory/src/db/stock.ts";
import { chargeCard, refundOrder } from "../../payments/src/db/payments.ts";
import { cancelFor, scheduleFor } from "../../shipping/src/db/shipments.ts";

export function dependencies(tx: Db) {
  return {
    catalog: { priceList: (skus: string[]) => priceList(tx, skus) },
    inventory: {
      reserve: (orderId: string, items: { sku: string; qty: number }[]) =>
        reserveItems(tx, orderId, items),
      release: (orderId: string) => releaseItems(tx, orderId),
    },
    payments: {
      charge: (orderId: string, amountCents: number, card: string) =>
        chargeCard(tx, orderId, amountCents, card),
      refund: (orderId: string) => refundOrder(tx, orderId),
    },
    shipping: {
      schedule: (orderId: string) => scheduleFor(tx, orderId),
      cancel: (orderId: string) => cancelFor(tx, orderId),
    },
  };
}
