// Two inventory processes on one database file, consuming the same queues, as a second instance
// would. One process serialises its own transactions, so only two can show whether reserving and
// releasing are safe. (Each transaction takes SQLite's write lock at its BEGIN, so the two take
// turns; the conditional UPDATE would be safe without that too.)
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { freshDataDir, startProcess, type RunningProcess } from "@shop/kit/testing";
import { deadLetterCounts } from "../../../messaging/dead-letters.ts";
import { envelope } from "../../../messaging/envelope.ts";
import { testBroker, type TestBroker } from "../../../test/support/broker.ts";

const stepDir = join(import.meta.dirname, "../../..");
const dataDir = freshDataDir("inventory-x2-");
let bus: TestBroker;
let instances: RunningProcess[] = [];

beforeAll(async () => {
  bus = await testBroker(); // a namespace of its own, which the processes inherit
  const spec = (name: string) => ({
    name,
    cwd: stepDir,
    entry: join(stepDir, "services/inventory/src/main.ts"),
    env: { DATA_DIR: dataDir },
  });
  instances = [await startProcess(spec("inventory-a")), await startProcess(spec("inventory-b"))]; // a seeds the file
});
afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop()));
  await bus?.close();
});

function rows(sql: string, ...params: unknown[]): any[] {
  const db = new Database(join(dataDir, "inventory.db"), { readonly: true });
  try {
    return db.prepare(sql).all(...params);
  } finally {
    db.close();
  }
}
const stockOf = (sku: string) =>
  rows(`SELECT available, reserved FROM Stock WHERE sku = ?`, sku)[0];
const trace = { correlationId: "two-processes" };
const OUTCOMES = ["inventory.stock-reserved", "inventory.reservation-rejected"];
/** One per message id: both processes relay the one outbox, so an event may be published twice. */
const outcomesOf = (orderIds: string[]) => [
  ...new Map(
    bus.seen
      .filter(
        (m) =>
          OUTCOMES.includes(m.type) && orderIds.includes((m.data as { orderId: string }).orderId),
      )
      .map((m) => [m.id, m]),
  ).values(),
];

describe("Inventory, two processes on one database", () => {
  let reserved: string[] = [];

  it("When 20 orders of a mug and a pen reach both processes at once for the last 5 pens, then 5 are reserved, 15 rejected, and no rejected order holds a mug", async () => {
    // Arrange: the seed has 5 pens and 25 mugs
    expect([stockOf("PEN-001"), stockOf("MUG-001")]).toEqual([
      { available: 5, reserved: 0 },
      { available: 25, reserved: 0 },
    ]);
    const orderIds = Array.from({ length: 20 }, () => randomUUID());
    const lines = [
      { sku: "MUG-001", qty: 1, unitPriceCents: 1299 },
      { sku: "PEN-001", qty: 1, unitPriceCents: 4599 },
    ]; // a rejected order must give its mug back

    // Act
    await Promise.all(
      orderIds.map((orderId) =>
        bus.broker.publish(
          envelope(
            "orders.order-placed",
            { orderId, lines, totalCents: 5898, card: "4242424242424242" },
            trace,
          ),
        ),
      ),
    );

    // Assert
    const outcomes = await eventually(
      () => {
        const seen = outcomesOf(orderIds);
        expect(seen).toHaveLength(20);
        return seen;
      },
      { timeout: 30_000 },
    );
    expect(outcomes.filter((m) => m.type === "inventory.stock-reserved")).toHaveLength(5);
    expect(outcomes.filter((m) => m.type === "inventory.reservation-rejected")).toHaveLength(15);
    expect(stockOf("PEN-001")).toEqual({ available: 0, reserved: 5 });
    expect(stockOf("MUG-001")).toEqual({ available: 20, reserved: 5 });
    expect(await deadLetterCounts()).toEqual({});
    reserved = outcomes
      .filter((m) => m.type === "inventory.stock-reserved")
      .map((m) => (m.data as { orderId: string }).orderId);
  }, 40_000);

  it("When one order is released by three messages that reach both processes, then its stock comes back once", async () => {
    const orderId = reserved[0]!;
    const releases = [
      envelope("orders.order-cancelled", { orderId }, trace),
      envelope("orders.order-cancelled", { orderId }, trace),
      envelope("payments.payment-declined", { orderId, reason: "PAYMENT_DECLINED" }, trace),
    ];

    await Promise.all(releases.map((m) => bus.broker.publish(m)));

    // every one of the three handled (its inbox row is written with its effect), then the stock
    const ids = releases.map((m) => m.id);
    await eventually(
      () =>
        expect(
          rows(`SELECT messageId FROM InboxMessage WHERE messageId IN (?, ?, ?)`, ...ids),
        ).toHaveLength(3),
      { timeout: 30_000 },
    );
    expect(stockOf("PEN-001")).toEqual({ available: 1, reserved: 4 });
    expect(stockOf("MUG-001")).toEqual({ available: 21, reserved: 4 });
    expect(await deadLetterCounts()).toEqual({});
  }, 40_000);
});
