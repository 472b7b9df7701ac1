// Catalog rules: what a product is and what a price may be.
export interface Product {
  sku: string;
  name: string;
  priceCents: number;
}

/** Money is integer cents; a price of zero would give goods away. */
export const MAX_PRICE_CENTS = 1_000_000;

export function changePrice(product: Product, priceCents: number): Product {
  return { ...product, priceCents };
}
