// The gateway's one trick: pass a storefront request on to the service that owns it (to one of
// its instances), and turn "that service did not answer" into a 503 naming it.
import { http } from "../../../../http-client.ts";
import type { Request, RequestHandler, Response } from "express";
import { TIMEOUTS } from "../../../../timeouts.ts";
import type { Instances } from "./instances.ts";

const PASSED_ON = ["idempotency-key"];
const PASSED_BACK = ["content-type", "x-downstream-calls"];

/**
 * How long the gateway waits goes along as x-timeout-ms: orders fits its calls, its undos and its
 * answer inside it (services/orders/src/budget.ts), and never confirms an order the shopper was
 * told failed.
 */
export async function callService(
  service: Instances,
  req: Request,
  res: Response,
  path = req.originalUrl,
): Promise<void> {
  const headers: Record<string, string> = {
    "x-correlation-id": String(req.id),
    "x-timeout-ms": String(TIMEOUTS.gatewayMs),
  };
  // even when empty: an empty Idempotency-Key is for orders to refuse, not for us to drop
  for (const name of PASSED_ON) if (req.get(name) !== undefined) headers[name] = req.get(name)!;
  // The body was read here: it goes on as JSON, or not at all (a cancel has none).
  const withBody = req.body !== undefined && !["GET", "HEAD"].includes(req.method);
  if (withBody) headers["content-type"] = "application/json";
  const response = await service.ask((baseUrl) =>
    http.request<Buffer>({
      url: baseUrl + path,
      method: req.method,
      headers,
      data: withBody ? JSON.stringify(req.body) : undefined,
      signal: AbortSignal.timeout(TIMEOUTS.gatewayMs),
      responseType: "arraybuffer",
      validateStatus: () => true, // every answer goes back to the storefront as it is
    }),
  );
  for (const name of PASSED_BACK) {
    const value = response.headers[name];
    if (typeof value === "string") res.setHeader(name, value);
  }
  res.status(response.status).send(response.data);
}

export const forwardTo =
  (service: Instances): RequestHandler =>
  (req, res) =>
    callService(service, req, res);
