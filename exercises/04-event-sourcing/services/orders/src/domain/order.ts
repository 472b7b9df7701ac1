// The order as a decider: commands go in, events come out, and the state is the fold of the
// events. Pure functions: no HTTP, no database, no broker.

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

/** Before its first event an order does not exist. */
export type OrderState = { status: "NONE" } | Order;
export const initialState: OrderState = { status: "NONE" };

/** Today's price per sku, from orders' own copy of the catalog. */
export type PriceList = ReadonlyMap<string, number>;

export type OrderCommand =
  | {
      type: "PlaceOrder";
      data: {
        orderId: string;
        lines: { sku: string; qty: number }[];
        card: string;
        prices: PriceList;
        now: Date;
      };
    }
  | { type: "ConfirmOrder"; data: { orderId: string } }
  | { type: "RejectOrder"; data: { orderId: string; reason: RejectionReason } }
  | { type: "CancelOrder"; data: { orderId: string } };

/**
 * Events are kept forever, so they hold no card number: OrderPlaced keeps its last four digits
 * (null for an order of the first release, which kept none). The number waits in the card vault.
 */
export type OrderEvent =
  | {
      type: "OrderPlaced";
      data: {
        orderId: string;
        lines: OrderLine[];
        totalCents: number;
        cardLast4: string | null;
        placedAt: string;
      };
    }
  | { type: "OrderConfirmed"; data: { orderId: string; lines: OrderLine[] } }
  | { type: "OrderRejected"; data: { orderId: string; reason: RejectionReason } }
  | { type: "OrderCancelled"; data: { orderId: string; lines: OrderLine[] } };

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

export class OrderAlreadyPlaced extends Error {
  readonly code = "ORDER_ALREADY_PLACED";
  constructor(readonly orderId: string) {
    super(`Order ${orderId} was placed already`);
  }
}

export class OrderNotFound extends Error {
  readonly code = "NOT_FOUND";
  constructor(readonly orderId: string) {
    super(`No order ${orderId}`);
  }
}

export function decide(command: OrderCommand, state: OrderState): OrderEvent[] {
  // #region exercise 04.1: decide and evolve
  throw new Error("TODO exercise 04.1: decide and evolve (npx workshop hint 04.1)");
  // #endregion
}

export function evolve(state: OrderState, event: OrderEvent): OrderState {
  // #region exercise 04.1: decide and evolve
  throw new Error("TODO exercise 04.1: decide and evolve (npx workshop hint 04.1)");
  // #endregion
}

/** Every order has its own stream of events in the store. */
export const orderStream = (orderId: string) => `order-${orderId}`;

/** The order a state holds; a state before any event is an order that does not exist. */
export function existingOrder(state: OrderState, orderId: string): Order {
  if (state.status === "NONE") throw new OrderNotFound(orderId);
  return state;
}

/** The decider as one value, for the command handler. */
export const orderDecider = {
  initialState,
  decide,
  evolve,
  streamOf: (command: OrderCommand) => orderStream(command.data.orderId),
};
