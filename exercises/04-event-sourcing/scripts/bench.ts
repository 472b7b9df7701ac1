// `npm run bench`: the event store's speed, beside raw better-sqlite3 doing the same in the same
// run. Appends one at a time, appends in batches of 100, and rebuilding the read models.
// A script, not a test: numbers depend on the machine.
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import { freshDataDir } from "@shop/kit/testing";
import { openDatabase } from "../services/orders/prisma/client.ts";
import type { OrderEvent } from "../services/orders/src/domain/order.ts";
import { append } from "../services/orders/src/event-store/event-store.ts";
import { orderList } from "../services/orders/src/projections/order-list.ts";
import { rebuild } from "../services/orders/src/projections/projection.ts";
import { salesByProduct } from "../services/orders/src/projections/sales.ts";

const SINGLE = Number(process.env.SINGLE ?? 3_000);
const BATCHES = Number(process.env.BATCHES ?? 300);
const metadata = { correlationId: "bench", causationId: null };
const lines = [{ sku: "MUG-001", qty: 2, unitPriceCents: 1299 }];
const placed = (orderId: string): OrderEvent => ({
  type: "OrderPlaced",
  data: { orderId, lines, totalCents: 2598, cardLast4: "4242", placedAt: new Date().toISOString() },
});
const confirmed = (orderId: string): OrderEvent => ({
  type: "OrderConfirmed",
  data: { orderId, lines },
});

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);
async function time(work: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

// ---- the event store, on Prisma ----
const dataDir = freshDataDir("bench-es-");
const db = openDatabase(dataDir);
await db.$executeRawUnsafe("PRAGMA synchronous = FULL"); // as the orders service runs it (openEventStore)

const storeSingle = perSecond(
  SINGLE,
  await time(async () => {
    for (let i = 0; i < SINGLE; i++)
      await append(db, `order-${randomUUID()}`, 0, [placed(randomUUID())], metadata);
  }),
);
const storeBatch = perSecond(
  BATCHES * 100,
  await time(async () => {
    for (let b = 0; b < BATCHES; b++) {
      const orderId = randomUUID();
      // one stream of 100 events: placed, then 99 confirmations (the projections fold them all)
      await append(
        db,
        `order-${orderId}`,
        0,
        [placed(orderId), ...Array.from({ length: 99 }, () => confirmed(orderId))],
        metadata,
      );
    }
  }),
);
const total = await db.event.count();
const storeRebuild = perSecond(
  total * 2,
  await time(async () => {
    await rebuild(db, orderList);
    await rebuild(db, salesByProduct);
  }),
);

// ---- raw better-sqlite3, the same work ----
const raw = new Database(join(freshDataDir("bench-raw-"), "raw.db"));
raw.pragma("journal_mode = WAL");
raw.pragma("synchronous = FULL");
raw.exec(`CREATE TABLE event (position INTEGER PRIMARY KEY AUTOINCREMENT, streamId TEXT, version INTEGER, type TEXT, data TEXT, metadata TEXT, UNIQUE (streamId, version));
          CREATE TABLE view (id TEXT PRIMARY KEY, status TEXT, version INTEGER)`);
const insert = raw.prepare(
  `INSERT INTO event (streamId, version, type, data, metadata) VALUES (?, ?, ?, ?, ?)`,
);
const meta = JSON.stringify(metadata);
const rawSingle = perSecond(
  SINGLE,
  await time(() => {
    for (let i = 0; i < SINGLE; i++)
      insert.run(
        `order-${randomUUID()}`,
        1,
        "OrderPlaced",
        JSON.stringify(placed(randomUUID()).data),
        meta,
      );
  }),
);
const insertBatch = raw.transaction((orderId: string) => {
  insert.run(`order-${orderId}`, 1, "OrderPlaced", JSON.stringify(placed(orderId).data), meta);
  for (let v = 2; v <= 100; v++)
    insert.run(
      `order-${orderId}`,
      v,
      "OrderConfirmed",
      JSON.stringify(confirmed(orderId).data),
      meta,
    );
});
const rawBatch = perSecond(
  BATCHES * 100,
  await time(() => {
    for (let b = 0; b < BATCHES; b++) insertBatch(randomUUID());
  }),
);
const rawTotal = raw.prepare(`SELECT count(*) FROM event`).pluck().get() as number;
const rawRebuild = perSecond(
  rawTotal,
  await time(() => {
    const view = new Map<string, { status: string; version: number }>();
    for (const row of raw
      .prepare(`SELECT streamId, version, type, data FROM event ORDER BY position`)
      .iterate() as Iterable<{ streamId: string; version: number; type: string; data: string }>) {
      JSON.parse(row.data);
      view.set(row.streamId, {
        status: row.type === "OrderPlaced" ? "PENDING" : "CONFIRMED",
        version: row.version,
      });
    }
    const write = raw.prepare(`INSERT OR REPLACE INTO view (id, status, version) VALUES (?, ?, ?)`);
    raw.transaction(() => view.forEach((v, id) => write.run(id, v.status, v.version)))();
  }),
);

const row = (what: string, store: number, rawRate: number, target: number) =>
  `| ${what} | ${store.toLocaleString("en")} | ${rawRate.toLocaleString("en")} | ${target.toLocaleString("en")} | ${store >= target ? "met" : "NOT met"} |`;
console.log(
  `Event store bench: ${SINGLE} single appends, ${BATCHES} batches of 100, then a rebuild of both read models from ${total} events\n`,
);
console.log(
  "| per second | event store (Prisma) | raw better-sqlite3 | target | |\n|---|---|---|---|---|",
);
console.log(row("single appends", storeSingle, rawSingle, 3_000));
console.log(row("events appended in batches of 100", storeBatch, rawBatch, 30_000));
console.log(row("events rebuilt (two read models)", storeRebuild, rawRebuild, 50_000));
await db.$disconnect();
raw.close();
