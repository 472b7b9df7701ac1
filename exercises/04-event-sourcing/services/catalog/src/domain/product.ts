// Catalog rules: what a product is and what a price may be.
export interface Product {
  sku: string;
  name: string;
  priceCents: number;
}

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

/** Money is integer cents; a price of zero would give goods away. */
export const MAX_PRICE_CENTS = 1_000_000;

export function changePrice(product: Product, priceCents: number): Product {
  return { ...product, priceCents };
}
