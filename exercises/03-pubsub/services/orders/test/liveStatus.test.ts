// Exercise 03.2: the live status stream, over real HTTP, from a real database and status feed.
import express from "express";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventually, listen, toErrorResponse, type Listening } from "@shop/kit";
import { freshDataDir } from "@shop/kit/testing";
import { openDatabase, type PrismaClient } from "../prisma/client.ts";
import { insertOrder, saveStatus } from "../src/db/orders.ts";
import { confirmOrder, placeOrder } from "../src/domain/order.ts";
import { streamStatus } from "../src/http/live-status.ts";
import { StatusFeed } from "../src/messaging/status-feed.ts";

let db: PrismaClient;
let feed: StatusFeed;
let server: Listening;
const order = placeOrder(
  {
    orderId: "11111111-1111-4111-8111-111111111111",
    lines: [{ sku: "MUG-001", qty: 1 }],
    now: new Date(),
  },
  new Map([["MUG-001", 1299]]),
);

/** When set, the stream reads the order through this instead of the database itself. */
let readsThrough: PrismaClient | undefined;
/** Resolves when the server sees the response of the latest stream close. */
let responseClosed: Promise<void>;

beforeEach(async () => {
  db = openDatabase(freshDataDir("ex-03-2-"));
  feed = new StatusFeed();
  readsThrough = undefined;
  await insertOrder(db, order);
  const app = express();
  app.get("/orders/:id/events", (req, res, next) => {
    responseClosed = new Promise((closed) => res.once("close", () => closed()));
    streamStatus(readsThrough ?? db, feed, req.params.id, res).catch(next);
  });
  app.use(((error, _req, res, _next) => {
    const { status, body } = toErrorResponse(error);
    // an unexpected error (such as the exercise's TODO) shows its message, for the learner
    res.status(status).json(status === 500 ? { error: { message: String(error.message) } } : body);
  }) as express.ErrorRequestHandler);
  server = await listen(app, 0);
});
afterEach(async () => {
  await server.close();
  await db.$disconnect();
});

/**
 * The database, except that the stream's first read of an order lets the order be confirmed
 * (committed, then announced, as orders' handler does) just before or just after it.
 */
function confirmedDuringTheRead(when: "before" | "after"): PrismaClient {
  let done = false;
  const confirm = async () => {
    if (done) return;
    done = true;
    await saveStatus(db, confirmOrder(order));
    feed.announce(confirmOrder(order));
  };
  const orders = new Proxy(db.order, {
    get: (table, name) =>
      name !== "findUnique"
        ? Reflect.get(table, name)
        : async (args: Parameters<typeof table.findUnique>[0]) => {
            if (when === "before") await confirm();
            const row = await table.findUnique(args);
            if (when === "after") await confirm();
            return row;
          },
  });
  return new Proxy(db, {
    get: (client, name) => (name === "order" ? orders : Reflect.get(client, name)),
  });
}

/** Reads server-sent events as they arrive. */
async function subscribe(orderId: string) {
  const abort = new AbortController();
  const response = await fetch(`${server.url}/orders/${orderId}/events`, { signal: abort.signal });
  if (response.status !== 200)
    throw new Error(`the stream answered ${response.status}: ${await response.text()}`);
  const events: any[] = [];
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    const reader = response.body!.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffer += decoder.decode(chunk.value, { stream: true });
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const data = buffer
          .slice(0, end)
          .split("\n")
          .find((l) => l.startsWith("data: "));
        if (data) events.push(JSON.parse(data.slice(6)));
        buffer = buffer.slice(end + 2);
      }
    }
  })().catch(() => {});
  return { response, events, close: () => abort.abort(), reading };
}

describe("Exercise 03.2: streamStatus", () => {
  it("When a page subscribes, then it gets the current status at once, as a server-sent event", async () => {
    const stream = await subscribe(order.id);

    expect(stream.response.headers.get("content-type")).toBe("text/event-stream");
    expect(stream.response.headers.get("cache-control"), "no cache may keep a stream").toBe(
      "no-cache",
    );
    await eventually(() =>
      expect(stream.events).toEqual([expect.objectContaining({ id: order.id, status: "PENDING" })]),
    );
    stream.close();
  });

  it("When the order changes after that, then the page gets the new status without asking again", async () => {
    const stream = await subscribe(order.id);
    await eventually(() => expect(stream.events).toHaveLength(1));

    feed.announce(confirmOrder(order));

    await eventually(() =>
      expect(stream.events.map((e) => e.status)).toEqual(["PENDING", "CONFIRMED"]),
    );
    stream.close();
  });

  it.each(["before", "after"] as const)(
    "When the order is confirmed just %s the stream reads it, then the page still ends on CONFIRMED",
    async (when) => {
      readsThrough = confirmedDuringTheRead(when);

      const stream = await subscribe(order.id);

      expect(
        stream.response.headers.get("content-type"),
        "open the stream (writeHead) before any event is written; hold what is heard until then",
      ).toBe("text/event-stream");
      await eventually(() =>
        expect(
          stream.events.at(-1)?.status,
          "watch first, then read: a change between the read and the watch is never sent",
        ).toBe("CONFIRMED"),
      );
      stream.close();
    },
  );

  it("When the page goes away while the order is read, then nobody keeps watching", async () => {
    const leaving = new AbortController();
    const orders = new Proxy(db.order, {
      get: (t, name) =>
        name !== "findUnique"
          ? Reflect.get(t, name)
          : async (args: Parameters<typeof t.findUnique>[0]) => {
              leaving.abort(); // the page goes away during the read
              await responseClosed;
              return t.findUnique(args);
            },
    });
    readsThrough = new Proxy(db, {
      get: (client, name) => (name === "order" ? orders : Reflect.get(client, name)),
    });

    await fetch(`${server.url}/orders/${order.id}/events`, { signal: leaving.signal }).catch(
      () => "aborted",
    );

    await eventually(() =>
      expect(
        feed.watchers(order.id),
        "stop on the response's close, registered before the read: it may close during it",
      ).toBe(0),
    );
  });

  it("When the page goes away, then it stops watching", async () => {
    const stream = await subscribe(order.id);
    await eventually(() => expect(feed.watchers(order.id)).toBe(1));

    stream.close();

    await eventually(() =>
      expect(feed.watchers(order.id), "a closed page must stop watching (its close event)").toBe(0),
    );
  });

  it("When the order does not exist, then 404 and nobody keeps watching", async () => {
    const response = await fetch(
      `${server.url}/orders/00000000-0000-4000-8000-000000000000/events`,
    );

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { code: "NOT_FOUND", message: expect.stringContaining("00000000-0000-4000-8000") },
    });
    expect(
      feed.watchers("00000000-0000-4000-8000-000000000000"),
      "a 404 leaves nobody watching: stop before you throw",
    ).toBe(0);
  });
});
