// Order rules, free of HTTP and databases. An order is written PENDING before any other service
// is called; its saga (domain/saga.ts) makes it CONFIRMED, or REJECTED once what was done is owed
// back. A cancel is CANCELLING until every service has given back its part, then CANCELLED.

export type OrderStatus = "PENDING" | "CONFIRMED" | "REJECTED" | "CANCELLING" | "CANCELLED";

export interface OrderLine {
  sku: string;
  qty: number;
  unitPriceCents: number;
}

export interface Order {
  id: string;
  status: OrderStatus;
  lines: OrderLine[];
  totalCents: number;
  createdAt: Date;
}

export interface PlaceOrder {
  orderId: string;
  lines: { sku: string; qty: number }[];
  now: Date;
}

/** Today's price per sku, as orders learned it from the catalog (or its last known copy). */
export type PriceList = ReadonlyMap<string, number>;

export class UnknownSku extends Error {
  readonly code = "UNKNOWN_SKU";
  constructor(readonly skus: string[]) {
    super(`Unknown sku: ${skus.join(", ")}`);
  }
  get details() {
    return { skus: this.skus };
  }
}

export class OrderNotCancellable extends Error {
  readonly code = "ORDER_NOT_CANCELLABLE";
  constructor(readonly status: OrderStatus) {
    super(`Only a CONFIRMED order can be cancelled; this one is ${status}`);
  }
}

/** Prices each line at today's catalog price; every sku must be in the catalog. */
export function placeOrder({ orderId, lines, now }: PlaceOrder, prices: PriceList): Order {
  const unknown = lines.filter((line) => !prices.has(line.sku)).map((line) => line.sku);
  if (unknown.length > 0) throw new UnknownSku(unknown);
  const priced = lines.map((line) => ({ ...line, unitPriceCents: prices.get(line.sku)! }));
  const totalCents = priced.reduce((sum, line) => sum + line.qty * line.unitPriceCents, 0);
  return { id: orderId, status: "PENDING", lines: priced, totalCents, createdAt: now };
}

export function cancelOrder(order: Order): Order {
  if (order.status !== "CONFIRMED") throw new OrderNotCancellable(order.status);
  return { ...order, status: "CANCELLING" };
}
