// The live status stream, over real HTTP, from a real event store and status feed.
import express from "express";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventually, listen, toErrorResponse, type Listening } from "@shop/kit";
import type { PrismaClient } from "../prisma/client.ts";
import { orderStream, type OrderEvent } from "../src/domain/order.ts";
import { append } from "../src/event-store/event-store.ts";
import { streamStatus } from "../src/http/live-status.ts";
import { StatusFeed } from "../src/messaging/status-feed.ts";
import { orderAt } from "../src/order-history.ts";
import { eventStoreDatabase, metadata } from "./support.ts";

let db: PrismaClient;
let feed: StatusFeed;
let server: Listening;
const order = { id: "11111111-1111-4111-8111-111111111111" };
const lines = [{ sku: "MUG-001", qty: 1, unitPriceCents: 1299 }];
const placed: OrderEvent = {
  type: "OrderPlaced",
  data: {
    orderId: order.id,
    lines,
    totalCents: 1299,
    cardLast4: "4242",
    placedAt: new Date().toISOString(),
  },
};
const confirmed: OrderEvent = { type: "OrderConfirmed", data: { orderId: order.id, lines } };

/** Appends the confirmation and announces the order, as orders' handler does. */
async function confirm() {
  await append(db, orderStream(order.id), 1, [confirmed], metadata);
  feed.announce((await orderAt(db, order.id)).order);
}

/** When set, the stream reads the order through this instead of the database itself. */
let readsThrough: PrismaClient | undefined;
/** Resolves when the server sees the response of the latest stream close. */
let responseClosed: Promise<void>;

beforeEach(async () => {
  db = eventStoreDatabase();
  feed = new StatusFeed();
  readsThrough = undefined;
  await append(db, orderStream(order.id), 0, [placed], metadata);
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
 * The event store, except that the stream's first read of the order lets the order be
 * confirmed (appended, then announced) just before or just after it.
 */
function confirmedDuringTheRead(when: "before" | "after"): PrismaClient {
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    await confirm();
  };
  const events = new Proxy(db.event, {
    get: (table, name) =>
      name !== "findMany"
        ? Reflect.get(table, name)
        : async (args: Parameters<typeof table.findMany>[0]) => {
            if (when === "before") await once();
            const rows = await table.findMany(args);
            if (when === "after") await once();
            return rows;
          },
  });
  return new Proxy(db, {
    get: (client, name) => (name === "event" ? events : Reflect.get(client, name)),
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

describe("streamStatus", () => {
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

    await confirm();

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
    const events = new Proxy(db.event, {
      get: (t, name) =>
        name !== "findMany"
          ? Reflect.get(t, name)
          : async (args: Parameters<typeof t.findMany>[0]) => {
              leaving.abort(); // the page goes away during the read
              await responseClosed;
              return t.findMany(args);
            },
    });
    readsThrough = new Proxy(db, {
      get: (client, name) => (name === "event" ? events : Reflect.get(client, name)),
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
