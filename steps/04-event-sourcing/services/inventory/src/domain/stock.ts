// Inventory rules: stock per sku is split into what can still be sold and what orders hold.
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

export function reserve(stock: StockLevel, qty: number): StockLevel {
  if (qty > stock.available) throw new OutOfStock(stock.sku, stock.available, qty);
  return { ...stock, available: stock.available - qty, reserved: stock.reserved + qty };
}

export function release(stock: StockLevel, qty: number): StockLevel {
  const back = Math.min(qty, stock.reserved);
  return { ...stock, available: stock.available + back, reserved: stock.reserved - back };
}

export function restock(stock: StockLevel, qty: number): StockLevel {
  return { ...stock, available: stock.available + qty };
}
