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
  switch (command.type) {
    case "PlaceOrder": {
      const { orderId, lines, card, prices, now } = command.data;
      if (state.status !== "NONE") throw new OrderAlreadyPlaced(orderId);
      const unknown = lines.filter((line) => !prices.has(line.sku)).map((line) => line.sku);
      if (unknown.length > 0) throw new UnknownSku(unknown);
      const priced = lines.map((line) => ({ ...line, unitPriceCents: prices.get(line.sku)! }));
      const totalCents = priced.reduce((sum, line) => sum + line.qty * line.unitPriceCents, 0);
      return [
        {
          type: "OrderPlaced",
          data: {
            orderId,
            lines: priced,
            totalCents,
            cardLast4: card.slice(-4),
            placedAt: now.toISOString(),
          },
        },
      ];
    }
    case "ConfirmOrder":
      if (state.status === "NONE") throw new OrderNotFound(command.data.orderId);
      // only a PENDING order moves; a late or repeated outcome changes nothing
      return state.status === "PENDING"
        ? [{ type: "OrderConfirmed", data: { orderId: state.id, lines: state.lines } }]
        : [];
    case "RejectOrder":
      if (state.status === "NONE") throw new OrderNotFound(command.data.orderId);
      return state.status === "PENDING"
        ? [{ type: "OrderRejected", data: { orderId: state.id, reason: command.data.reason } }]
        : [];
    case "CancelOrder":
      if (state.status === "NONE") throw new OrderNotFound(command.data.orderId);
      if (state.status !== "CONFIRMED") throw new OrderNotCancellable(state.status);
      return [{ type: "OrderCancelled", data: { orderId: state.id, lines: state.lines } }];
    default: {
      const unhandled: never = command;
      throw new Error(`Unknown command ${JSON.stringify(unhandled)}`);
    }
  }
  // #endregion
}

export function evolve(state: OrderState, event: OrderEvent): OrderState {
  // #region exercise 04.1: decide and evolve
  switch (event.type) {
    case "OrderPlaced":
      return {
        id: event.data.orderId,
        status: "PENDING",
        lines: event.data.lines,
        totalCents: event.data.totalCents,
        rejectionReason: null,
        createdAt: new Date(event.data.placedAt),
      };
    case "OrderConfirmed":
      return state.status === "NONE" ? state : { ...state, status: "CONFIRMED" };
    case "OrderRejected":
      return state.status === "NONE"
        ? state
        : { ...state, status: "REJECTED", rejectionReason: event.data.reason };
    case "OrderCancelled":
      return state.status === "NONE" ? state : { ...state, status: "CANCELLED" };
    default: {
      const unhandled: never = event;
      throw new Error(`Unknown event ${JSON.stringify(unhandled)}`);
    }
  }
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
