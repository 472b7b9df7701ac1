// The gateway's one trick: pass a storefront request on to the service that owns it, and turn
// "that service did not answer" into a 503 naming it.
import type { Request, RequestHandler, Response } from "express";

const PASSED_ON = ["idempotency-key"];
const PASSED_BACK = ["content-type", "x-downstream-calls"];
/**
 * How long the gateway waits for a service: the one number the order's time budget comes from.
 * It goes along as x-timeout-ms, and orders fits its calls, its undos and its answer inside it
 * (services/orders/src/budget.ts): it never confirms an order the shopper was told failed.
 */
export const GATEWAY_TIMEOUT_MS = Number(process.env.GATEWAY_TIMEOUT_MS ?? 10_000);

export async function callService(
  service: string,
  baseUrl: string,
  req: Request,
  res: Response,
  path = req.originalUrl,
): Promise<void> {
  const headers: Record<string, string> = {
    "x-correlation-id": String(req.id),
    "x-timeout-ms": String(GATEWAY_TIMEOUT_MS),
  };
  // even when empty: an empty Idempotency-Key is for orders to refuse, not for us to drop
  for (const name of PASSED_ON) if (req.get(name) !== undefined) headers[name] = req.get(name)!;
  // The body was read here: it goes on as JSON, or not at all (a cancel has none).
  const withBody = req.body !== undefined && !["GET", "HEAD"].includes(req.method);
  if (withBody) headers["content-type"] = "application/json";
  let response: globalThis.Response;
  try {
    response = await fetch(baseUrl + path, {
      method: req.method,
      headers,
      body: withBody ? JSON.stringify(req.body) : undefined,
      signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
    });
  } catch {
    res.status(503).json({
      error: {
        code: "DEPENDENCY_UNAVAILABLE",
        message: `The ${service} service is unavailable`,
        dependency: service,
      },
    });
    return;
  }
  for (const name of PASSED_BACK)
    if (response.headers.get(name)) res.setHeader(name, response.headers.get(name)!);
  res.status(response.status).send(Buffer.from(await response.arrayBuffer()));
}

export const forwardTo =
  (service: string, baseUrl: string): RequestHandler =>
  (req, res) =>
    callService(service, baseUrl, req, res);
