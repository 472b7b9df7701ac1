// Inventory rules: stock per sku is split into what can still be sold and what orders hold.
// "Reserve only what is available" and "give back once" are the conditions of single UPDATE
// statements (db/stock.ts): a rule checked on a copy read into memory holds for one process only.
export interface StockLevel {
  sku: string;
  available: number;
  reserved: number;
}

export interface Item {
  sku: string;
  qty: number;
}

export class OutOfStock extends Error {
  readonly code = "OUT_OF_STOCK";
  constructor(
    readonly sku: string,
    readonly available: number,
    readonly requested: number,
  ) {
    super(`Only ${available} of ${sku} left, ${requested} requested`);
  }
  get details() {
    return { sku: this.sku, available: this.available, requested: this.requested };
  }
}

/** A reservation for an order that was released before it arrived: orders gave up on it. */
export class OrderReleased extends Error {
  readonly code = "ORDER_RELEASED";
  constructor(readonly orderId: string) {
    super(`Order ${orderId} was released: nothing is reserved for it any more`);
  }
  get details() {
    return { orderId: this.orderId };
  }
}
