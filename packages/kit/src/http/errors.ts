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
  ORDER_REFUNDED: 409, // payments: a charge that comes after the order's refund
  ORDER_RELEASED: 409, // inventory: a reservation that comes after the order's release
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  FORBIDDEN: 403, // the admin guard: no admin header, or another origin
  MISDIRECTED_REQUEST: 421, // the admin guard: a Host that is not this machine
  DEPENDENCY_UNAVAILABLE: 503,
};

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: Record<string, string>;
    [extra: string]: unknown;
  };
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

/** Another service did not answer in time, failed, or its breaker is open: 503 naming it. */
export class DependencyUnavailable extends Error {
  readonly code = "DEPENDENCY_UNAVAILABLE";
  constructor(
    readonly dependency: string,
    reason?: string,
  ) {
    super(`The ${dependency} service is unavailable${reason ? ` (${reason})` : ""}`);
  }
  get details() {
    return { dependency: this.dependency };
  }
}

/** Another service answered with a refusal (409 out of stock, 402 declined): passed on as it is. */
export class RemoteRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }
}

type CodedError = Error & {
  code: string;
  fields?: Record<string, string>;
  details?: Record<string, unknown>;
};

const isCoded = (error: unknown): error is CodedError =>
  error instanceof Error &&
  typeof (error as CodedError).code === "string" &&
  (error as CodedError).code in STATUS_BY_CODE;

export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (isCoded(error)) {
    const body: ErrorBody = {
      error: { code: error.code, message: error.message, ...error.details },
    };
    if (error.fields) body.error.fields = error.fields;
    return { status: STATUS_BY_CODE[error.code]!, body };
  }
  if (isClientError(error)) return fromClientError(error);
  return {
    status: 500,
    body: { error: { code: "INTERNAL", message: "Something went wrong on our side" } },
  };
}

/** What express and its body parser throw (http-errors): a `status`, and from the parser a `type`. */
type ClientError = Error & { status: number; type?: string; limit?: number };

const isClientError = (error: unknown): error is ClientError => {
  const status = (error as { status?: unknown } | null)?.status;
  return error instanceof Error && typeof status === "number" && status >= 400 && status < 500;
};

const answer = (status: number, code: string, message: string, fields?: Record<string, string>) => {
  const body: ErrorBody = { error: { code, message } };
  if (fields) body.error.fields = fields;
  return { status, body };
};

function fromClientError(error: ClientError): { status: number; body: ErrorBody } {
  const unreadable = `The body cannot be read: ${error.message}`;
  if (error.type === "entity.too.large") {
    const limit = `${error.limit! / 1024}kb (${error.limit} bytes)`;
    return answer(413, "PAYLOAD_TOO_LARGE", `The body is larger than the limit of ${limit}`);
  }
  // charset.unsupported, encoding.unsupported: JSON, but in bytes the parser does not read
  if (error.status === 415) return answer(415, "UNSUPPORTED_MEDIA_TYPE", unreadable);
  if (error.type === "entity.parse.failed") {
    const message = `The body is not valid JSON: ${error.message}`;
    return answer(400, "INVALID_INPUT", message, { body: "must be JSON" });
  }
  // express could not decode a path parameter, such as /api/orders/%ZZ
  if (error instanceof URIError) {
    return answer(400, "INVALID_INPUT", error.message, { path: "must be valid percent-encoding" });
  }
  // request.aborted, request.size.invalid, a gzip body that does not inflate: the body as received
  return answer(error.status, "INVALID_INPUT", unreadable, { body: error.message });
}

export const errorHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error); // a stream already started: express closes it
  const { status, body } = toErrorResponse(error);
  if (status >= 500) req.log?.error({ err: error }, "request failed");
  res.status(status).json(body);
};

export const notFoundHandler: RequestHandler = (req, res) => {
  res
    .status(404)
    .json({ error: { code: "NOT_FOUND", message: `No route for ${req.method} ${req.path}` } });
};
