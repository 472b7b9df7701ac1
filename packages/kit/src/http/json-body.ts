// Request bodies are JSON. A body in any other type is refused here (415) before anything reads
// it; the parser then answers the rest: too big (413), an unknown charset or encoding (415), not
// valid JSON (400); and JSON nested absurdly deep is refused (400). errors.ts turns each into the
// one error shape.
import express, { type Request, type RequestHandler } from "express";
import { InvalidInput } from "./errors.ts";

export const JSON_LIMIT = "100kb";
const JSON_TYPES = ["application/json", "application/*+json"];
const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

export class UnsupportedMediaType extends Error {
  readonly code = "UNSUPPORTED_MEDIA_TYPE";
}

/** Bytes follow the headers. An empty POST (cancel, reset) needs no content type. */
const hasContent = (req: Request) =>
  req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;

export const requireJson: RequestHandler = (req, _res, next) => {
  if (!METHODS_WITH_BODY.has(req.method) || !hasContent(req) || req.is(JSON_TYPES)) return next();
  const received = req.get("content-type");
  const sent = received ? `"${received.slice(0, 100)}"` : "no content type";
  next(new UnsupportedMediaType(`The body was sent as ${sent}; expected application/json`));
};

/** Far deeper than any body here needs; 100kb of `[` would make JSON.stringify overflow the stack. */
export const MAX_JSON_DEPTH = 32;

function nestsTooDeep(value: unknown): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [next, depth] = pending.pop()!;
    if (next === null || typeof next !== "object") continue;
    if (depth > MAX_JSON_DEPTH) return true;
    for (const child of Object.values(next)) pending.push([child, depth + 1]);
  }
  return false;
}

const limitDepth: RequestHandler = (req, _res, next) => {
  if (!nestsTooDeep(req.body)) return next();
  next(new InvalidInput({ body: `must not nest deeper than ${MAX_JSON_DEPTH} levels` }));
};

export const jsonBody = (): RequestHandler[] => [
  requireJson,
  express.json({ limit: JSON_LIMIT, type: JSON_TYPES }),
  limitDepth,
];
