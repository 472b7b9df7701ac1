// Admin routes reset data and stop processes, and a browser sends requests to localhost for any
// page it has open: listening on loopback is not enough. Every admin request passes three checks:
// - a custom header: a cross-site page cannot send one without a CORS preflight (never answered);
// - Host: a loopback name with this server's port. A DNS-rebinding page (evil.example resolving
//   to 127.0.0.1) is same-origin for the browser, but its requests still say Host: evil.example;
// - Origin, when the browser sends one: this same origin, not another site's.
import type { IncomingHttpHeaders } from "node:http";
import type { RequestHandler } from "express";
import { toErrorResponse } from "./errors.ts";

export const ADMIN_HEADER = "x-shop-admin";
/** What every admin caller sends: `fetch(url, { method: "POST", headers: ADMIN_HEADERS })`. */
export const ADMIN_HEADERS = { [ADMIN_HEADER]: "1" };

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

export class Forbidden extends Error {
  readonly code = "FORBIDDEN";
}

/** 421: this server does not answer for that host name. */
export class MisdirectedRequest extends Error {
  readonly code = "MISDIRECTED_REQUEST";
}

/** Why a request may not use an admin route, or null when it may. `port`: the one it came in on. */
export function adminRefusal(headers: IncomingHttpHeaders, port: number): Error | null {
  const host = headers.host?.toLowerCase();
  if (!host || !LOOPBACK_NAMES.some((name) => host === `${name}:${port}`)) {
    const asked = host ?? "(none)";
    return new MisdirectedRequest(
      `Admin routes answer to localhost:${port} only, not to Host ${asked}`,
    );
  }
  if (headers.origin !== undefined && headers.origin.toLowerCase() !== `http://${host}`) {
    return new Forbidden(`Admin routes take no requests from another origin (${headers.origin})`);
  }
  if (headers[ADMIN_HEADER] !== "1")
    return new Forbidden(`Admin routes need the header ${ADMIN_HEADER}: 1`);
  return null;
}

/** Express middleware: answers 421 or 403 in the error shape, or lets the request through. */
export function adminGuard(): RequestHandler {
  return (req, res, next) => {
    const refusal = adminRefusal(req.headers, req.socket.localPort ?? 0);
    if (!refusal) return next();
    const { status, body } = toErrorResponse(refusal);
    req.log?.warn({ host: req.headers.host, origin: req.headers.origin }, refusal.message);
    res.status(status).json(body);
  };
}
