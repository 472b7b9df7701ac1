// Shipping asks the catalog whether a sku exists before it quotes: one more call, one more
// service that must be up for the storefront's cart to work.
import { UnknownSku } from "../../catalog/src/domain/product.ts";

export class CatalogUnavailable extends Error {
  readonly code = "DEPENDENCY_UNAVAILABLE";
  readonly details = { dependency: "catalog" };
  constructor() {
    super("The catalog service is not answering");
  }
}

export async function assertSkuExists(
  catalogUrl: string,
  sku: string,
  correlationId: string,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${catalogUrl}/products/${encodeURIComponent(sku)}`, {
      headers: { "x-correlation-id": correlationId },
      signal: AbortSignal.timeout(500),
    });
  } catch {
    throw new CatalogUnavailable();
  }
  if (response.status === 404) throw new UnknownSku([sku]);
  if (!response.ok) throw new CatalogUnavailable();
}
