// Errors are values with names. Every service maps them to HTTP here, in one place, with the
// body every step shares: { error: { code, message, fields? } }.
import type { ErrorRequestHandler, RequestHandler } from "express";

/** Anything thrown with a known `code` becomes that status; all codes of the storefront API. */
export const STATUS_BY_CODE: Record<string, number> = {
  INVALID_INPUT: 400,
  PAYMENT_DECLINED: 402,
  NOT_FOUND: 404,
  OUT_OF_STOCK: 409,
  ORDER_NOT_CANCELLABLE: 409,
  UNKNOWN_SKU: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_KEY_IN_USE: 409,
  DEPENDENCY_UNAVAILABLE: 503,
};

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string>; [extra: string]: unknown };
}

/** Bad input: `fields` names each bad field by its path (`lines.0.qty`) with the reason. */
export class InvalidInput extends Error {
  readonly code = "INVALID_INPUT";
  constructor(readonly fields: Record<string, string>) {
    super(`Invalid input: ${Object.keys(fields).join(", ")}`);
  }
}

export class NotFound extends Error {
  readonly code = "NOT_FOUND";
}

type CodedError = Error & { code: string; fields?: Record<string, string>; details?: Record<string, unknown> };

const isCoded = (error: unknown): error is CodedError =>
  error instanceof Error && typeof (error as CodedError).code === "string" && (error as CodedError).code in STATUS_BY_CODE;

export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (isCoded(error)) {
    const body: ErrorBody = { error: { code: error.code, message: error.message, ...error.details } };
    if (error.fields) body.error.fields = error.fields;
    return { status: STATUS_BY_CODE[error.code]!, body };
  }
  // express.json() reports a body that is not JSON this way
  if (error instanceof SyntaxError && (error as { type?: string }).type === "entity.parse.failed") {
    return { status: 400, body: { error: { code: "INVALID_INPUT", message: "The body is not valid JSON", fields: { body: "must be JSON" } } } };
  }
  return { status: 500, body: { error: { code: "INTERNAL", message: "Something went wrong on our side" } } };
}

export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const { status, body } = toErrorResponse(error);
  if (status >= 500) req.log?.error({ err: error }, "request failed");
  res.status(status).json(body);
};

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: "NOT_FOUND", message: `No route for ${req.method} ${req.path}` } });
};
