// The gateway in front of a scaled service (`npm start -- 02 --scale orders=2`): in this process,
// on real HTTP ports, with two stand-in orders instances that count what reaches them.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger, listen } from "@shop/kit";
import { createApp, type GatewayUrls } from "../src/app.ts";

const NOBODY = "http://127.0.0.1:9"; // nothing listens there: the connection is refused

interface StandIn {
  url: string;
  hits: number;
}

const servers: Server[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  for (const server of servers.splice(0)) server.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** An orders instance that answers [] to anything, or (drop) reads the request and hangs up. */
async function standIn({ drop = false } = {}): Promise<StandIn> {
  const counted = { url: "", hits: 0 };
  const server = createServer((req, res) => {
    counted.hits += 1;
    req.resume();
    req.on("end", () =>
      drop ? req.socket.destroy() : res.setHeader("content-type", "application/json").end("[]"),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  counted.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return counted;
}

async function gatewayTo(orders: string[]): Promise<string> {
  const urls: GatewayUrls = {
    catalog: [NOBODY],
    inventory: [NOBODY],
    orders,
    payments: [NOBODY],
    shipping: [NOBODY],
  };
  const server = await listen(createApp(urls, createLogger("web", "silent")), 0);
  closers.push(() => server.close());
  return server.url;
}

const order = { lines: [{ sku: "MUG-001", qty: 1 }], card: "4242424242424242" };
const post = (gateway: string) =>
  fetch(`${gateway}/api/orders`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(order),
  });

describe("The gateway, with two instances of orders", () => {
  it("When both are up, then it sends the requests to each in turn", async () => {
    const [a, b] = [await standIn(), await standIn()];
    const gateway = await gatewayTo([a.url, b.url]);

    for (let i = 0; i < 6; i++) expect((await fetch(`${gateway}/api/orders`)).status).toBe(200);

    expect([a.hits, b.hits]).toEqual([3, 3]);
  });

  it("When one refuses the connection (down), then the other answers every request", async () => {
    const b = await standIn();
    const gateway = await gatewayTo([NOBODY, b.url]);

    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(gateway)).status);

    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    expect(b.hits).toBe(6);
  });

  it("When one took an order and hung up before answering, then the order is not sent to the other: a 503 naming orders", async () => {
    const [a, b] = [await standIn({ drop: true }), await standIn()];
    const gateway = await gatewayTo([a.url, b.url]);

    const response = await post(gateway);

    expect(response.status).toBe(503);
    expect((await response.json()).error).toMatchObject({
      code: "DEPENDENCY_UNAVAILABLE",
      dependency: "orders",
    });
    expect([a.hits, b.hits], "it may have been placed: once is enough").toEqual([1, 0]);
  });
});
