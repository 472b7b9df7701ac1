// Shipping asks the catalog whether a sku exists before it quotes: one more call, one more
// service that must be up for the storefront's cart to work.
import { http } from "../../../http-client.ts";
import { DependencyUnavailable } from "@shop/kit";
import { TIMEOUTS } from "../../../timeouts.ts";
import { UnknownSku } from "./domain/shipping.ts";

export async function assertSkuExists(
  catalogUrl: string,
  sku: string,
  correlationId: string,
): Promise<void> {
  const response = await http
    .get(`${catalogUrl}/products/${encodeURIComponent(sku)}`, {
      headers: { "x-correlation-id": correlationId },
      signal: AbortSignal.timeout(TIMEOUTS.skuCheckMs),
      validateStatus: (status) => status === 200 || status === 404,
    })
    .catch(() => {
      throw new DependencyUnavailable("catalog", "no answer");
    });
  if (response.status === 404) throw new UnknownSku([sku]);
}
