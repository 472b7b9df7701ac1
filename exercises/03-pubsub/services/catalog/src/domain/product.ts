// Catalog rules: what a product is and what a price may be.
export interface Product {
  sku: string;
  name: string;
  priceCents: number;
}

/** As stored: with the count of the product's changes, which the copies compare to keep the newest. */
export type VersionedProduct = Product & { version: number };

/** Money is integer cents; a price of zero would give goods away. */
export const MAX_PRICE_CENTS = 1_000_000;

export function changePrice(product: Product, priceCents: number): Product {
  return { ...product, priceCents };
}
