// Shipping rules: a carrier's rate for a parcel, and one shipment per confirmed order.
export interface Shipment {
  orderId: string;
  cancelledAt: Date | null;
}

export interface Quote {
  cents: number;
  source: "carrier" | "fallback";
}

/** A quote for a sku the catalog does not know: shipping's own name for the catalog's 404. */
export class UnknownSku extends Error {
  readonly code = "UNKNOWN_SKU";
  constructor(readonly skus: string[]) {
    super(`Unknown sku: ${skus.join(", ")}`);
  }
  get details() {
    return { skus: this.skus };
  }
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
