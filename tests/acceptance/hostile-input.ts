// Hostile input, written once for every step: malformed bodies, wrong types, junk JSON, the wrong
// content type, bodies over the limit, odd path params, query strings and headers. Every one must
// get a 4xx in the contract's shape { error: { code, message, fields? } }, naming the bad field.
// Requests go out through node:http, not fetch, so that nothing cleans them up on the way.
import { request } from "node:http";

export const CARD = "4242424242424242";
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
const LONG = "A".repeat(10_000);

export interface Expected {
  status: number;
  code: string;
  /** Paths that `error.fields` must name, such as `lines.0.qty`. */
  fields?: string[];
}

export interface HostileRequest {
  name: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  /** Sent as JSON unless `raw` is given. */
  body?: unknown;
  /** Sent byte for byte. */
  raw?: string | Buffer;
  /** `null` sends no content type at all; the default is application/json. */
  contentType?: string | null;
  headers?: Record<string, string>;
  /** Sent with Transfer-Encoding: chunked, without a Content-Length. */
  chunked?: boolean;
  expect: Expected;
}

export interface Context {
  stepName: string;
  /** An order already cancelled: cancelling it again is refused. */
  cancelledOrderId: string;
  /** An Idempotency-Key already used for that order. */
  usedKey: string;
}

const invalid = (...fields: string[]): Expected => ({ status: 400, code: "INVALID_INPUT", fields });
const notFound: Expected = { status: 404, code: "NOT_FOUND" };
const unsupported: Expected = { status: 415, code: "UNSUPPORTED_MEDIA_TYPE" };
const tooLarge: Expected = { status: 413, code: "PAYLOAD_TOO_LARGE" };

const order = (patch: Record<string, unknown> = {}) => ({
  lines: [{ sku: "MUG-001", qty: 1 }],
  card: CARD,
  ...patch,
});
const withLine = (line: Record<string, unknown>) =>
  order({ lines: [{ sku: "MUG-001", qty: 1, ...line }] });
const validOrderJson = JSON.stringify(order());
/** Valid JSON, just too big: a card number of that many digits. */
const oversize = (bytes: number) => JSON.stringify(order({ card: "4".repeat(bytes) }));
const notUtf8 = Buffer.concat([
  Buffer.from('{"lines":[{"sku":"MUG-'),
  Buffer.from([0xff, 0xfe]),
  Buffer.from(`","qty":1}],"card":"${CARD}"}`),
]);
const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const skus = (n: number) => Array.from({ length: n }, (_, i) => ({ sku: `SKU-${i}`, qty: 1 }));

function orderRows(ctx: Context): HostileRequest[] {
  const post = (name: string, body: unknown, expect: Expected): HostileRequest => ({
    name,
    method: "POST",
    path: "/api/orders",
    body,
    expect,
  });
  const raw = (
    name: string,
    text: string | Buffer,
    expect: Expected,
    contentType?: string | null,
  ): HostileRequest => ({
    name,
    method: "POST",
    path: "/api/orders",
    raw: text,
    contentType,
    expect,
  });
  const keyed = (
    name: string,
    key: string,
    expect: Expected,
    body: unknown = order(),
  ): HostileRequest => ({
    name,
    method: "POST",
    path: "/api/orders",
    body,
    headers: { "idempotency-key": key },
    expect,
  });
  return [
    post("an empty object", {}, invalid("lines", "card")),
    post("no lines", { card: CARD }, invalid("lines")),
    post("lines: null", order({ lines: null }), invalid("lines")),
    post("lines as a string", order({ lines: "MUG-001" }), invalid("lines")),
    post("lines as an object", order({ lines: { sku: "MUG-001", qty: 1 } }), invalid("lines")),
    post(
      "lines as an object with index keys",
      order({ lines: { 0: { sku: "MUG-001", qty: 1 } } }),
      invalid("lines"),
    ),
    post("an empty lines array", order({ lines: [] }), invalid("lines")),
    post("a null line", order({ lines: [null] }), invalid("lines.0")),
    post("an array where a line should be", order({ lines: [["MUG-001", 1]] }), invalid("lines.0")),
    post("a string where a line should be", order({ lines: ["MUG-001"] }), invalid("lines.0")),
    post("an empty line", order({ lines: [{}] }), invalid("lines.0.sku", "lines.0.qty")),
    post(
      "a good line, then a bad one",
      order({
        lines: [
          { sku: "MUG-001", qty: 1 },
          { sku: "TEE-001", qty: -1 },
        ],
      }),
      invalid("lines.1.qty"),
    ),
    post("21 lines", order({ lines: skus(21) }), invalid("lines")),
    post("3000 lines", order({ lines: skus(3000) }), invalid("lines")),
    post(
      "the same sku twice",
      order({
        lines: [
          { sku: "MUG-001", qty: 1 },
          { sku: "MUG-001", qty: 1 },
        ],
      }),
      invalid("lines.1.sku"),
    ),
    post("qty 0", withLine({ qty: 0 }), invalid("lines.0.qty")),
    post("qty -1", withLine({ qty: -1 }), invalid("lines.0.qty")),
    post("qty 1.5", withLine({ qty: 1.5 }), invalid("lines.0.qty")),
    post("qty 101", withLine({ qty: 101 }), invalid("lines.0.qty")),
    post("qty 1e308", withLine({ qty: 1e308 }), invalid("lines.0.qty")),
    post("qty 2**53 + 1", withLine({ qty: 2 ** 53 + 1 }), invalid("lines.0.qty")),
    raw(
      "qty 1e400 (Infinity once parsed)",
      `{"lines":[{"sku":"MUG-001","qty":1e400}],"card":"${CARD}"}`,
      invalid("lines.0.qty"),
    ),
    raw(
      "qty -0",
      `{"lines":[{"sku":"MUG-001","qty":-0}],"card":"${CARD}"}`,
      invalid("lines.0.qty"),
    ),
    post("qty as a string", withLine({ qty: "1" }), invalid("lines.0.qty")),
    post("qty null", withLine({ qty: null }), invalid("lines.0.qty")),
    post("qty true", withLine({ qty: true }), invalid("lines.0.qty")),
    post("qty as an array", withLine({ qty: [1] }), invalid("lines.0.qty")),
    post(
      "qty as nested junk",
      withLine({ qty: { $gt: 0, n: [{ x: null }] } }),
      invalid("lines.0.qty"),
    ),
    raw(
      "qty as 20000 nested arrays",
      `{"lines":[{"sku":"MUG-001","qty":${nested(20_000)}}],"card":"${CARD}"}`,
      invalid("body"),
    ),
    post("an empty sku", withLine({ sku: "" }), invalid("lines.0.sku")),
    post("a sku of 10k characters", withLine({ sku: LONG }), invalid("lines.0.sku")),
    post("a lower-case sku", withLine({ sku: "mug-001" }), invalid("lines.0.sku")),
    post("a sku in Arabic-Indic digits", withLine({ sku: "MUG-٠٠١" }), invalid("lines.0.sku")),
    post("an emoji sku", withLine({ sku: "☕️-001" }), invalid("lines.0.sku")),
    post("a sku with a NUL byte", withLine({ sku: "MUG-001\u0000" }), invalid("lines.0.sku")),
    post("a sku like SQL", withLine({ sku: "MUG-001' OR '1'='1" }), invalid("lines.0.sku")),
    post("a sku as a number", withLine({ sku: 1 }), invalid("lines.0.sku")),
    post("a sku as a query object", withLine({ sku: { $ne: null } }), invalid("lines.0.sku")),
    raw("a sku with bytes that are not UTF-8", notUtf8, invalid("lines.0.sku")),
    post("an unknown sku", withLine({ sku: "NOPE-999" }), { status: 422, code: "UNKNOWN_SKU" }),
    post("no card", { lines: [{ sku: "MUG-001", qty: 1 }] }, invalid("card")),
    post("an empty card", order({ card: "" }), invalid("card")),
    post("a short card", order({ card: "4242" }), invalid("card")),
    post("a card as a number", order({ card: 4242424242424242 }), invalid("card")),
    post("a card of 10k digits", order({ card: "4".repeat(10_000) }), invalid("card")),
    post(
      "a card in full-width digits",
      order({ card: "４２４２４２４２４２４２４２４２" }),
      invalid("card"),
    ),
    post("a card with spaces", order({ card: "4242 4242 4242 4242" }), invalid("card")),
    post("a card with a NUL byte", order({ card: "424242424242424\u0000" }), invalid("card")),
    post("a card as an object", order({ card: { number: CARD } }), invalid("card")),
    post("an array for a body", [], invalid("body")),
    post("the order wrapped in an array", [order()], invalid("body")),
    raw("null for a body", "null", invalid("body")),
    raw("a string for a body", '"an order"', invalid("body")),
    raw("a number for a body", "42", invalid("body")),
    raw("malformed JSON", "{ not json", invalid("body")),
    raw("truncated JSON", '{"lines":[{"sku":"MUG-001"', invalid("body")),
    raw(
      "JSON with a trailing comma",
      `{"lines":[{"sku":"MUG-001","qty":1}],"card":"${CARD}",}`,
      invalid("body"),
    ),
    raw(
      "JSON with single quotes",
      `{'lines':[{'sku':'MUG-001','qty':1}],'card':'${CARD}'}`,
      invalid("body"),
    ),
    raw(
      "JSON with a comment",
      `{"lines":[{"sku":"MUG-001","qty":1}], /* hi */ "card":"${CARD}"}`,
      invalid("body"),
    ),
    raw("form fields sent as JSON", `lines=MUG-001&card=${CARD}`, invalid("body")),
    raw(
      "the order under __proto__",
      `{"__proto__":{"lines":[{"sku":"MUG-001","qty":1}],"card":"${CARD}"}}`,
      invalid("lines", "card"),
    ),
    raw(
      "a qty under __proto__",
      `{"lines":[{"sku":"MUG-001","__proto__":{"qty":1}}],"card":"${CARD}"}`,
      invalid("lines.0.qty"),
    ),
    raw(
      "a qty under constructor.prototype",
      `{"lines":[{"sku":"MUG-001","constructor":{"prototype":{"qty":1}}}],"card":"${CARD}"}`,
      invalid("lines.0.qty"),
    ),
    raw("text/plain", validOrderJson, unsupported, "text/plain"),
    raw("no content type", validOrderJson, unsupported, null),
    raw("a form", `lines=MUG-001&card=${CARD}`, unsupported, "application/x-www-form-urlencoded"),
    raw(
      "multipart",
      `--x\r\nContent-Disposition: form-data; name="card"\r\n\r\n${CARD}\r\n--x--`,
      unsupported,
      "multipart/form-data; boundary=x",
    ),
    raw("application/jsonp", validOrderJson, unsupported, "application/jsonp"),
    raw("two content types in one", validOrderJson, unsupported, "application/json, text/plain"),
    raw("a bare json", validOrderJson, unsupported, "json"),
    raw(
      "a charset JSON is never sent in",
      validOrderJson,
      unsupported,
      "application/json; charset=latin1",
    ),
    raw(
      "an unknown charset",
      validOrderJson,
      unsupported,
      "application/json; charset=no-such-charset",
    ),
    {
      name: "a content encoding nobody speaks",
      method: "POST",
      path: "/api/orders",
      raw: validOrderJson,
      headers: { "content-encoding": "x-rot13" },
      expect: unsupported,
    },
    {
      name: "gzip that is not gzip",
      method: "POST",
      path: "/api/orders",
      raw: validOrderJson,
      headers: { "content-encoding": "gzip" },
      expect: invalid("body"),
    },
    raw("a body of 200 kB", oversize(200_000), tooLarge),
    raw("a body of 1 MB", oversize(1_000_000), tooLarge),
    {
      name: "a body of 200 kB, chunked",
      method: "POST",
      path: "/api/orders",
      raw: oversize(200_000),
      chunked: true,
      expect: tooLarge,
    },
    keyed("an empty Idempotency-Key", "", invalid("Idempotency-Key")),
    keyed("an Idempotency-Key of 201 characters", "k".repeat(201), invalid("Idempotency-Key")),
    keyed("an Idempotency-Key of 10k characters", "k".repeat(10_000), invalid("Idempotency-Key")),
    keyed("an Idempotency-Key in Cyrillic and emoji", "ключ-☕", invalid("Idempotency-Key")),
    keyed("an Idempotency-Key with a tab", "key\twith-tab", invalid("Idempotency-Key")),
    keyed(
      "two Idempotency-Keys joined in one",
      "first-key, second-key",
      invalid("Idempotency-Key"),
    ),
    keyed(
      "an Idempotency-Key reused with another body",
      ctx.usedKey,
      { status: 422, code: "IDEMPOTENCY_KEY_REUSED" },
      withLine({ sku: "TEE-001" }),
    ),
  ];
}

function orderLookupRows(ctx: Context): HostileRequest[] {
  const get = (name: string, path: string, expect: Expected): HostileRequest => ({
    name,
    method: "GET",
    path,
    expect,
  });
  const cancel = (
    name: string,
    id: string,
    expect: Expected,
    more: Partial<HostileRequest> = {},
  ): HostileRequest => ({
    name,
    method: "POST",
    path: `/api/orders/${id}/cancel`,
    expect,
    ...more,
  });
  return [
    get("an order id that is not a UUID", "/api/orders/not-an-id", invalid("id")),
    get("an unknown order id", `/api/orders/${UNKNOWN_ID}`, notFound),
    get("an order id of 10k characters", `/api/orders/${LONG}`, invalid("id")),
    get("an order id in bad percent-encoding", "/api/orders/%ZZ", invalid("path")),
    get("an order id of a lone %", "/api/orders/%", invalid("path")),
    get("an emoji order id", `/api/orders/${encodeURIComponent("☕")}`, invalid("id")),
    get("an order id with a NUL byte", `/api/orders/${UNKNOWN_ID}%00`, invalid("id")),
    get("an order id that climbs out", "/api/orders/..%2F..%2Fetc%2Fpasswd", invalid("id")),
    {
      name: "a GET with a JSON body",
      method: "GET",
      path: "/api/orders/not-an-id",
      body: order(),
      expect: invalid("id"),
    },
    cancel("cancel: an id that is not a UUID", "not-an-id", invalid("id")),
    cancel("cancel: an unknown id", UNKNOWN_ID, notFound),
    cancel("cancel: bad percent-encoding", "%ZZ", invalid("path")),
    cancel("cancel: an order already cancelled", ctx.cancelledOrderId, {
      status: 409,
      code: "ORDER_NOT_CANCELLABLE",
    }),
    cancel("cancel: malformed JSON", ctx.cancelledOrderId, invalid("body"), { raw: "{ nope" }),
    cancel("cancel: a text body", ctx.cancelledOrderId, unsupported, {
      raw: "please",
      contentType: "text/plain",
    }),
    cancel("cancel: a body of 200 kB", ctx.cancelledOrderId, tooLarge, { raw: oversize(200_000) }),
  ];
}

function shippingRows(): HostileRequest[] {
  const quote = (name: string, query: string, expect: Expected): HostileRequest => ({
    name,
    method: "GET",
    path: `/api/shipping/quote${query}`,
    expect,
  });
  return [
    quote("quote: no query", "", invalid("sku", "qty")),
    quote("quote: no qty", "?sku=MUG-001", invalid("qty")),
    quote("quote: no sku", "?qty=1", invalid("sku")),
    quote("quote: an empty sku", "?sku=&qty=1", invalid("sku")),
    quote("quote: an empty qty", "?sku=MUG-001&qty=", invalid("qty")),
    quote("quote: qty twice", "?sku=MUG-001&qty=1&qty=2", invalid("qty")),
    quote("quote: sku twice", "?sku=MUG-001&sku=TEE-001&qty=1", invalid("sku")),
    quote("quote: qty as words", "?sku=MUG-001&qty=two", invalid("qty")),
    quote("quote: qty in hex", "?sku=MUG-001&qty=0x10", invalid("qty")),
    quote("quote: qty 0", "?sku=MUG-001&qty=0", invalid("qty")),
    quote("quote: qty -1", "?sku=MUG-001&qty=-1", invalid("qty")),
    quote("quote: qty 1.5", "?sku=MUG-001&qty=1.5", invalid("qty")),
    quote("quote: qty 1e308", "?sku=MUG-001&qty=1e308", invalid("qty")),
    quote("quote: qty 2**53 + 1", "?sku=MUG-001&qty=9007199254740993", invalid("qty")),
    quote("quote: qty Infinity", "?sku=MUG-001&qty=Infinity", invalid("qty")),
    quote("quote: qty in bad percent-encoding", "?sku=MUG-001&qty=%ZZ", invalid("qty")),
    quote("quote: a sku of 10k characters", `?sku=${LONG}&qty=1`, invalid("sku")),
    quote("quote: a sku of 5000 slashes", `?sku=${"/".repeat(5_000)}&qty=1`, invalid("sku")),
    quote("quote: an emoji sku", `?sku=${encodeURIComponent("☕")}&qty=1`, invalid("sku")),
    quote("quote: a sku in bad percent-encoding", "?sku=%ZZ&qty=1", invalid("sku")),
    quote("quote: an unknown sku", "?sku=NOPE-999&qty=1", { status: 422, code: "UNKNOWN_SKU" }),
  ];
}

function adminRows(): HostileRequest[] {
  const price = (
    name: string,
    body: unknown,
    expect: Expected,
    sku = "MUG-001",
    more: Partial<HostileRequest> = {},
  ): HostileRequest => ({
    name: `price: ${name}`,
    method: "PUT",
    path: `/api/admin/products/${sku}/price`,
    body,
    expect,
    ...more,
  });
  const restock = (
    name: string,
    body: unknown,
    expect: Expected,
    sku = "MUG-001",
    more: Partial<HostileRequest> = {},
  ): HostileRequest => ({
    name: `restock: ${name}`,
    method: "POST",
    path: `/api/admin/products/${sku}/restock`,
    body,
    expect,
    ...more,
  });
  const reset = (
    name: string,
    more: Partial<HostileRequest>,
    expect: Expected,
  ): HostileRequest => ({
    name: `reset: ${name}`,
    method: "POST",
    path: "/api/admin/reset",
    expect,
    ...more,
  });
  return [
    price("an empty object", {}, invalid("priceCents")),
    price("0", { priceCents: 0 }, invalid("priceCents")),
    price("-100", { priceCents: -100 }, invalid("priceCents")),
    price("fractional cents", { priceCents: 9.99 }, invalid("priceCents")),
    price("a string", { priceCents: "1000" }, invalid("priceCents")),
    price("null", { priceCents: null }, invalid("priceCents")),
    price("1e308", { priceCents: 1e308 }, invalid("priceCents")),
    price("2**53 + 1", { priceCents: 2 ** 53 + 1 }, invalid("priceCents")),
    price("an array", { priceCents: [1000] }, invalid("priceCents")),
    price("a query object", { priceCents: { $gt: 0 } }, invalid("priceCents")),
    price("an array for a body", [{ priceCents: 1000 }], invalid("body")),
    price("malformed JSON", undefined, invalid("body"), "MUG-001", { raw: "{ priceCents: 1000 }" }),
    price("text/plain", undefined, unsupported, "MUG-001", {
      raw: "1000",
      contentType: "text/plain",
    }),
    price("a body of 200 kB", undefined, tooLarge, "MUG-001", {
      raw: JSON.stringify({ priceCents: 1000, junk: "x".repeat(200_000) }),
    }),
    price("an unknown sku", { priceCents: 1000 }, notFound, "NOPE-999"),
    price("a sku of 10k characters", { priceCents: 1000 }, notFound, LONG),
    price("an emoji sku", { priceCents: 1000 }, notFound, encodeURIComponent("☕")),
    price("a sku in bad percent-encoding", { priceCents: 1000 }, invalid("path"), "%ZZ"),
    restock("an empty object", {}, invalid("qty")),
    restock("0", { qty: 0 }, invalid("qty")),
    restock("-5", { qty: -5 }, invalid("qty")),
    restock("2.5", { qty: 2.5 }, invalid("qty")),
    restock("10001", { qty: 10_001 }, invalid("qty")),
    restock("1e308", { qty: 1e308 }, invalid("qty")),
    restock("a string", { qty: "5" }, invalid("qty")),
    restock("null for a body", undefined, invalid("body"), "MUG-001", { raw: "null" }),
    restock("malformed JSON", undefined, invalid("body"), "MUG-001", { raw: "{qty:5}" }),
    restock("a form", undefined, unsupported, "MUG-001", {
      raw: "qty=5",
      contentType: "application/x-www-form-urlencoded",
    }),
    restock("a body of 200 kB", undefined, tooLarge, "MUG-001", {
      raw: JSON.stringify({ qty: 5, junk: "x".repeat(200_000) }),
    }),
    restock("an unknown sku", { qty: 5 }, notFound, "NOPE-999"),
    restock("a sku in bad percent-encoding", { qty: 5 }, invalid("path"), "%ZZ"),
    reset("malformed JSON", { raw: "{ reset" }, invalid("body")),
    reset("a text body", { raw: "reset please", contentType: "text/plain" }, unsupported),
    reset("a body of 200 kB", { raw: JSON.stringify({ junk: "x".repeat(200_000) }) }, tooLarge),
  ];
}

function unknownRouteRows(): HostileRequest[] {
  const route = (method: HostileRequest["method"], path: string): HostileRequest => ({
    name: `no route: ${method} ${path}`,
    method,
    path,
    expect: notFound,
  });
  return [
    route("GET", "/api/nothing-here"),
    route("GET", "/api/%ZZ"),
    route("POST", "/api/products"),
    route("DELETE", "/api/orders"),
    route("GET", "/api/admin/reset"),
    route("PATCH", "/api/admin/products/MUG-001/price"),
    route("GET", `/api/orders/${UNKNOWN_ID}/nothing`),
    route("GET", "/api/products/MUG-001"),
  ];
}

/** Step 04's time travel (`?version=N`) and history; the live status of 03 and 04. */
function eventRows(ctx: Context): HostileRequest[] {
  const get = (name: string, path: string, expect: Expected): HostileRequest => ({
    name,
    method: "GET",
    path,
    expect,
  });
  const step = ctx.stepName.slice(0, 2);
  const rows: HostileRequest[] = [];
  if (step === "03" || step === "04") {
    rows.push(
      get("live status: an id that is not a UUID", "/api/orders/not-an-id/events", invalid("id")),
      get("live status: an unknown id", `/api/orders/${UNKNOWN_ID}/events`, notFound),
    );
  }
  if (step === "04") {
    const at = (query: string) => `/api/orders/${ctx.cancelledOrderId}?${query}`;
    rows.push(
      get("time travel: version 0", at("version=0"), invalid("version")),
      get("time travel: version -1", at("version=-1"), invalid("version")),
      get("time travel: version 1.5", at("version=1.5"), invalid("version")),
      get("time travel: version as words", at("version=first"), invalid("version")),
      get("time travel: version in hex", at("version=0x1"), invalid("version")),
      get("time travel: version 1e308", at("version=1e308"), invalid("version")),
      get(
        "time travel: version of 20 digits",
        at("version=99999999999999999999"),
        invalid("version"),
      ),
      get("time travel: version twice", at("version=1&version=2"), invalid("version")),
      get("time travel: an empty version", at("version="), invalid("version")),
      get("time travel: an unknown order", `/api/orders/${UNKNOWN_ID}?version=1`, notFound),
      get("history: an id that is not a UUID", "/api/orders/not-an-id/history", invalid("id")),
      get("history: an unknown id", `/api/orders/${UNKNOWN_ID}/history`, notFound),
      get("history: bad percent-encoding", "/api/orders/%ZZ/history", invalid("path")),
    );
  }
  return rows;
}

export function hostileRequests(ctx: Context): HostileRequest[] {
  return [
    ...orderRows(ctx),
    ...orderLookupRows(ctx),
    ...shippingRows(),
    ...adminRows(),
    ...unknownRouteRows(),
    ...eventRows(ctx),
  ];
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
}

const ANSWER_TIMEOUT_MS = 5_000;

/** A header value as node:http sends it: any UTF-8 goes out as its bytes. */
const asBytes = (value: string) => Buffer.from(value, "utf8").toString("latin1");

export function send(baseUrl: string, row: HostileRequest): Promise<Answer> {
  const url = new URL(baseUrl);
  const body = row.raw ?? (row.body === undefined ? undefined : JSON.stringify(row.body));
  const bytes =
    body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8");
  const headers: Record<string, string> = row.path.startsWith("/api/admin")
    ? { "x-shop-admin": "1" }
    : {}; // as the shop's tools send
  for (const [name, value] of Object.entries(row.headers ?? {})) headers[name] = asBytes(value);
  if (bytes !== undefined) {
    const type = row.contentType === undefined ? "application/json" : row.contentType;
    if (type !== null) headers["content-type"] = type;
    if (row.chunked) headers["transfer-encoding"] = "chunked";
    else headers["content-length"] = String(bytes.length);
  }
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: row.method, path: row.path, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers["content-type"] ?? "",
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    // A request left hanging is a defect too: report it as an answer, do not wait for the test's timeout.
    req.setTimeout(ANSWER_TIMEOUT_MS, () => {
      resolve({ status: 0, contentType: "", text: `no answer in ${ANSWER_TIMEOUT_MS} ms` });
      req.destroy();
    });
    // The server may answer (413, 415) before it has read everything: that is not a failure here.
    req.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error),
    );
    if (bytes === undefined) return void req.end();
    if (!row.chunked) return void req.end(bytes);
    for (let i = 0; i < bytes.length; i += 16_384) req.write(bytes.subarray(i, i + 16_384));
    req.end();
  });
}

/** What is wrong with an answer, in words; empty when it is the answer the row expects. */
export function problemsWith(row: HostileRequest, answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status !== row.expect.status)
    problems.push(`status ${answer.status}, expected ${row.expect.status}`);
  if (answer.status >= 500 || answer.status < 400) problems.push(`not a 4xx`);
  if (!answer.contentType.startsWith("application/json"))
    problems.push(`content-type "${answer.contentType}"`);
  let body: any;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return [...problems, `a body that is not JSON: ${answer.text.slice(0, 120)}`];
  }
  const error = body?.error;
  const shapeOk =
    body &&
    typeof body === "object" &&
    Object.keys(body).join() === "error" &&
    typeof error === "object" &&
    error !== null;
  if (!shapeOk) return [...problems, `not the error shape: ${answer.text.slice(0, 200)}`];
  if (
    typeof error.code !== "string" ||
    typeof error.message !== "string" ||
    error.message.length === 0
  )
    problems.push("no code or message");
  if (error.code !== row.expect.code)
    problems.push(`code ${error.code}, expected ${row.expect.code}`);
  if (error.fields !== undefined) {
    const fieldsOk =
      typeof error.fields === "object" &&
      Object.values(error.fields).every((reason) => typeof reason === "string");
    if (!fieldsOk)
      problems.push(`fields are not { path: reason }: ${JSON.stringify(error.fields)}`);
  }
  for (const field of row.expect.fields ?? []) {
    if (!Object.hasOwn(error.fields ?? {}, field))
      problems.push(`fields ${JSON.stringify(error.fields)} do not name ${field}`);
  }
  if (problems.length > 0) problems.push(`body ${answer.text.slice(0, 200)}`);
  return problems;
}
