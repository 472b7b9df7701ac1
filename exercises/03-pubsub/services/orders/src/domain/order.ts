// Order rules, free of HTTP, databases and brokers. An order is accepted at once as PENDING; the
// other services' events then make it CONFIRMED or REJECTED, with the reason.

export type OrderStatus = "PENDING" | "CONFIRMED" | "REJECTED" | "CANCELLED";
export type RejectionReason = "OUT_OF_STOCK" | "PAYMENT_DECLINED";

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
  rejectionReason: RejectionReason | null;
  createdAt: Date;
}

export interface PlaceOrder {
  orderId: string;
  lines: { sku: string; qty: number }[];
  now: Date;
}

/** Today's price per sku, from orders' own copy of the catalog. */
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

/** Prices each line at today's price and accepts the order; stock and payment come later. */
export function placeOrder({ orderId, lines, now }: PlaceOrder, prices: PriceList): Order {
  const unknown = lines.filter((line) => !prices.has(line.sku)).map((line) => line.sku);
  if (unknown.length > 0) throw new UnknownSku(unknown);
  const priced = lines.map((line) => ({ ...line, unitPriceCents: prices.get(line.sku)! }));
  const totalCents = priced.reduce((sum, line) => sum + line.qty * line.unitPriceCents, 0);
  return {
    id: orderId,
    status: "PENDING",
    lines: priced,
    totalCents,
    rejectionReason: null,
    createdAt: now,
  };
}

/** The payment went through. Only a PENDING order moves; a late or repeated event changes nothing. */
export function confirmOrder(order: Order): Order {
  return order.status === "PENDING" ? { ...order, status: "CONFIRMED" } : order;
}

export function rejectOrder(order: Order, reason: RejectionReason): Order {
  return order.status === "PENDING"
    ? { ...order, status: "REJECTED", rejectionReason: reason }
    : order;
}

export function cancelOrder(order: Order): Order {
  if (order.status !== "CONFIRMED") throw new OrderNotCancellable(order.status);
  return { ...order, status: "CANCELLED" };
}
