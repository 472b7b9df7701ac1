// The kit's one error mapping, seen over real HTTP: every bad request gets a 4xx in the shape
// { error: { code, message, fields? } }, and a request that is fine still goes through.
import { request } from "node:http";
import { gzipSync } from "node:zlib";
import { Router } from "express";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  listen,
  serviceApp,
  STATUS_BY_CODE,
  toErrorResponse,
  type Listening,
} from "../src/index.ts";

let server: Listening;

beforeAll(async () => {
  const routes = Router();
  routes.post("/echo", (req, res) => res.json({ body: req.body ?? null }));
  routes.put("/echo", (req, res) => res.json({ body: req.body ?? null }));
  routes.post("/items/:id/cancel", (req, res) =>
    res.json({ id: req.params.id, body: req.body ?? null }),
  );
  server = await listen(serviceApp("test", pino({ level: "silent" }), [routes]), 0);
});
afterAll(() => server?.close());

interface Reply {
  status: number;
  body: any;
}

function send(
  method: string,
  path: string,
  body?: string | Buffer,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: server.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : null });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

const json = (text: string | Buffer, more: Record<string, string> = {}) => ({
  "content-type": "application/json",
  "content-length": String(Buffer.byteLength(text)),
  ...more,
});

describe("serviceApp's answers to bad requests", () => {
  it("When a body is over the 100kb limit, then 413 PAYLOAD_TOO_LARGE names the limit", async () => {
    const big = JSON.stringify({ junk: "x".repeat(150_000) });

    const reply = await send("POST", "/echo", big, json(big));

    expect(reply.status).toBe(413);
    expect(reply.body).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("100kb") },
    });
  });

  it("When a body is malformed JSON, then 400 INVALID_INPUT names body, and the message where the parser stopped", async () => {
    const reply = await send("POST", "/echo", '{"a": 1,}', json('{"a": 1,}'));

    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      code: "INVALID_INPUT",
      fields: { body: "must be JSON" },
    });
    expect(reply.body.error.message).toMatch(/not valid JSON: .*position \d+/);
  });

  it("When a body is sent as text/plain, then 415 UNSUPPORTED_MEDIA_TYPE names what came and what is expected", async () => {
    const reply = await send("POST", "/echo", '{"a":1}', {
      "content-type": "text/plain",
      "content-length": "7",
    });

    expect(reply.status).toBe(415);
    expect(reply.body).toEqual({
      error: {
        code: "UNSUPPORTED_MEDIA_TYPE",
        message: expect.stringMatching(/text\/plain.*application\/json/),
      },
    });
  });

  it("When a body comes without any content type, then 415 says none was given", async () => {
    const reply = await send("PUT", "/echo", '{"a":1}', { "content-length": "7" });

    expect(reply.status).toBe(415);
    expect(reply.body.error).toMatchObject({
      code: "UNSUPPORTED_MEDIA_TYPE",
      message: expect.stringContaining("no content type"),
    });
  });

  it("When a POST has no body at all, or an empty one, then it goes through whatever its content type", async () => {
    const none = await send("POST", "/items/42/cancel");
    const empty = await send("POST", "/items/42/cancel", "", {
      "content-type": "text/plain",
      "content-length": "0",
    });

    expect(none).toEqual({ status: 200, body: { id: "42", body: null } });
    expect(empty).toEqual({ status: 200, body: { id: "42", body: null } });
  });

  it("When a body is JSON under a +json type, or gzipped JSON, then it is read", async () => {
    const vendor = await send(
      "POST",
      "/echo",
      '{"a":1}',
      json('{"a":1}', { "content-type": "application/vnd.shop+json" }),
    );
    const zipped = gzipSync('{"a":2}');
    const gzipped = await send(
      "POST",
      "/echo",
      zipped,
      json(zipped, { "content-encoding": "gzip" }),
    );

    expect(vendor).toEqual({ status: 200, body: { body: { a: 1 } } });
    expect(gzipped).toEqual({ status: 200, body: { body: { a: 2 } } });
  });

  it("When JSON comes in a charset or an encoding the parser does not read, then 415", async () => {
    const latin1 = await send(
      "POST",
      "/echo",
      '{"a":1}',
      json('{"a":1}', { "content-type": "application/json; charset=latin1" }),
    );
    const rot13 = await send(
      "POST",
      "/echo",
      '{"a":1}',
      json('{"a":1}', { "content-encoding": "x-rot13" }),
    );

    expect(latin1.status).toBe(415);
    expect(latin1.body.error).toMatchObject({
      code: "UNSUPPORTED_MEDIA_TYPE",
      message: expect.stringContaining("LATIN1"),
    });
    expect(rot13.status).toBe(415);
    expect(rot13.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("When a body claims gzip and is not, then 400 names the body", async () => {
    const reply = await send(
      "POST",
      "/echo",
      '{"a":1}',
      json('{"a":1}', { "content-encoding": "gzip" }),
    );

    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      code: "INVALID_INPUT",
      fields: { body: expect.any(String) },
    });
  });

  it("When JSON nests deeper than 32 levels, then 400 names the body; 32 levels are read", async () => {
    const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

    const deep = await send("POST", "/echo", nested(20_000), json(nested(20_000)));
    const fine = await send("POST", "/echo", nested(32), json(nested(32)));

    expect(deep.status).toBe(400);
    expect(deep.body.error).toMatchObject({
      code: "INVALID_INPUT",
      fields: { body: "must not nest deeper than 32 levels" },
    });
    expect(fine.status).toBe(200);
  });

  it("When a path parameter is not valid percent-encoding, then 400 names the path", async () => {
    const reply = await send("POST", "/items/%ZZ/cancel");

    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      code: "INVALID_INPUT",
      fields: { path: expect.any(String) },
    });
  });

  it("When no route matches, then 404 NOT_FOUND in the same shape", async () => {
    const reply = await send("GET", "/nothing-here");

    expect(reply).toEqual({
      status: 404,
      body: { error: { code: "NOT_FOUND", message: "No route for GET /nothing-here" } },
    });
  });
});

describe("toErrorResponse", () => {
  it("has a status for each code the kit answers with", () => {
    expect(STATUS_BY_CODE).toMatchObject({ PAYLOAD_TOO_LARGE: 413, UNSUPPORTED_MEDIA_TYPE: 415 });
  });

  it("When the body parser reports an aborted request or any other 4xx, then that 4xx, never a 500", () => {
    const aborted = Object.assign(new Error("request aborted"), {
      status: 400,
      type: "request.aborted",
      expose: true,
    });
    const verify = Object.assign(new Error("bad signature"), {
      status: 403,
      type: "entity.verify.failed",
      expose: true,
    });

    expect(toErrorResponse(aborted)).toMatchObject({
      status: 400,
      body: { error: { code: "INVALID_INPUT", fields: { body: "request aborted" } } },
    });
    expect(toErrorResponse(verify).status).toBe(403);
  });

  it("When an error is unknown, or carries a 5xx status, then 500 without its details", () => {
    const internal = {
      status: 500,
      body: { error: { code: "INTERNAL", message: "Something went wrong on our side" } },
    };

    expect(toErrorResponse(new Error("secret"))).toEqual(internal);
    expect(
      toErrorResponse(
        Object.assign(new Error("stream not readable"), {
          status: 500,
          type: "stream.not.readable",
        }),
      ),
    ).toEqual(internal);
  });
});
