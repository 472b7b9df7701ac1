// The gateway passes a storefront request on to the service that owns it, and turns "that
// service did not answer" into a 503 naming it. Streams (the live order status) flow through.
import { Readable } from "node:stream";
import type { Request, RequestHandler, Response } from "express";
import { DependencyUnavailable } from "@shop/kit";

const PASSED_ON = ["idempotency-key"];
const PASSED_BACK = ["content-type", "cache-control"];
export const GATEWAY_TIMEOUT_MS = Number(process.env.GATEWAY_TIMEOUT_MS ?? 10_000);

export async function callService(
  service: string,
  baseUrl: string,
  req: Request,
  res: Response,
  path = req.originalUrl,
): Promise<void> {
  const headers: Record<string, string> = { "x-correlation-id": String(req.id) };
  // even when empty: an empty Idempotency-Key is for orders to refuse, not for us to drop
  for (const name of PASSED_ON) if (req.get(name) !== undefined) headers[name] = req.get(name)!;
  // The body was read here: it goes on as JSON, or not at all (a cancel has none).
  const withBody = req.body !== undefined && !["GET", "HEAD"].includes(req.method);
  if (withBody) headers["content-type"] = "application/json";
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), GATEWAY_TIMEOUT_MS); // until the answer starts
  res.on("close", () => abort.abort()); // the browser left: stop the upstream stream too
  let response: globalThis.Response;
  try {
    response = await fetch(baseUrl + path, {
      method: req.method,
      headers,
      body: withBody ? JSON.stringify(req.body) : undefined,
      signal: abort.signal,
    });
  } catch {
    if (res.destroyed) return; // the browser left first: nobody to answer
    throw new DependencyUnavailable(service, "no answer");
  } finally {
    clearTimeout(timer);
  }
  res.status(response.status);
  for (const name of PASSED_BACK)
    if (response.headers.get(name)) res.setHeader(name, response.headers.get(name)!);
  if (!response.body) return void res.end();
  Readable.fromWeb(response.body as import("node:stream/web").ReadableStream)
    .on("error", () => res.end())
    .pipe(res);
}

export const forwardTo =
  (service: string, baseUrl: string): RequestHandler =>
  (req, res) =>
    callService(service, baseUrl, req, res);
