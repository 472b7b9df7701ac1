// Shipping rules: a carrier's rate for a parcel, and one shipment per confirmed order, never one
// for an order cancelled first: confirm and cancel come on two queues, in either order.
export interface Shipment {
  orderId: string;
  cancelledAt: Date | null;
}

export interface Quote {
  cents: number;
  source: "carrier" | "fallback";
}

const BASE_CENTS = 399;
const PER_EXTRA_ITEM_CENTS = 100;

/** The carrier's rate: a base price for the parcel and a little for each extra item in it. */
export function carrierQuote(qty: number): Quote {
  return { cents: BASE_CENTS + PER_EXTRA_ITEM_CENTS * (qty - 1), source: "carrier" };
}

export function scheduleShipment(orderId: string): Shipment {
  return { orderId, cancelledAt: null };
}

export function cancelShipment(shipment: Shipment, now: Date): Shipment {
  return shipment.cancelledAt ? shipment : { ...shipment, cancelledAt: now };
}

/** The cancel came first: a shipment cancelled before it was scheduled, which a late confirm finds. */
export function tombstone(orderId: string, now: Date): Shipment {
  return { orderId, cancelledAt: now };
}
