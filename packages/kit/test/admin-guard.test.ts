// The admin guard, over real HTTP: a cross-site page (no custom header, or its own Origin) and a
// DNS-rebinding page (its own Host) are refused in the error shape, and nothing is done; a caller
// on this machine that sends the header goes through.
import { request } from "node:http";
import { Router } from "express";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_HEADERS, adminGuard, listen, serviceApp, type Listening } from "../src/index.ts";

let server: Listening;
let resets = 0;

beforeAll(async () => {
  const routes = Router();
  routes.use("/api/admin", adminGuard());
  routes.post("/api/admin/reset", (_req, res) => {
    resets++;
    res.status(204).end();
  });
  server = await listen(serviceApp("test", pino({ level: "silent" }), [routes]), 0);
});
afterAll(() => server?.close());

/** node:http, not fetch: fetch would not let a test send another Host. */
function post(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port: server.port, method: "POST", path, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : null });
        });
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("adminGuard", () => {
  const local = () => `127.0.0.1:${server.port}`;

  it("When a POST comes without the admin header (a form on any web page), then 403 FORBIDDEN names it, and nothing is reset", async () => {
    const before = resets;

    const reply = await post("/api/admin/reset", { host: local() });

    expect(reply).toEqual({
      status: 403,
      body: {
        error: { code: "FORBIDDEN", message: "Admin routes need the header x-shop-admin: 1" },
      },
    });
    expect(resets).toBe(before);
  });

  it("When it comes from another site's origin, even with the header, then 403, and nothing is reset", async () => {
    const before = resets;

    const foreign = await post("/api/admin/reset", {
      host: local(),
      origin: "http://evil.example",
      ...ADMIN_HEADERS,
    });
    const sandboxed = await post("/api/admin/reset", {
      host: local(),
      origin: "null",
      ...ADMIN_HEADERS,
    });
    const otherPort = await post("/api/admin/reset", {
      host: local(),
      origin: "http://127.0.0.1:1",
      ...ADMIN_HEADERS,
    });

    expect([foreign, sandboxed, otherPort].map((r) => [r.status, r.body.error.code])).toEqual([
      [403, "FORBIDDEN"],
      [403, "FORBIDDEN"],
      [403, "FORBIDDEN"],
    ]);
    expect(resets).toBe(before);
  });

  it("When the Host is not this machine at this port (DNS rebinding), then 421 MISDIRECTED_REQUEST, and nothing is reset", async () => {
    const before = resets;
    const rebound = { origin: `http://evil.example:${server.port}`, ...ADMIN_HEADERS };

    const replies = await Promise.all([
      post("/api/admin/reset", { ...rebound, host: `evil.example:${server.port}` }),
      post("/api/admin/reset", { ...ADMIN_HEADERS, host: "localhost" }),
      post("/api/admin/reset", { ...ADMIN_HEADERS, host: "localhost:1" }),
      post("/api/admin/reset", { ...ADMIN_HEADERS, host: `127.0.0.1.evil.example:${server.port}` }),
    ]);

    expect(replies.map((r) => [r.status, r.body.error.code])).toEqual(
      Array(4).fill([421, "MISDIRECTED_REQUEST"]),
    );
    expect(replies[0]!.body.error.message).toBe(
      `Admin routes answer to localhost:${server.port} only, not to Host evil.example:${server.port}`,
    );
    expect(resets).toBe(before);
  });

  it("When the header comes from this machine, by any loopback name and with its own origin or none, then it goes through", async () => {
    const before = resets;

    const replies = await Promise.all([
      post("/api/admin/reset", { host: local(), ...ADMIN_HEADERS }),
      post("/api/admin/reset", {
        host: `localhost:${server.port}`,
        origin: `http://localhost:${server.port}`,
        ...ADMIN_HEADERS,
      }),
      post("/api/admin/reset", { host: `[::1]:${server.port}`, ...ADMIN_HEADERS }),
    ]);

    expect(replies.map((r) => r.status)).toEqual([204, 204, 204]);
    expect(resets).toBe(before + 3);
  });
});
