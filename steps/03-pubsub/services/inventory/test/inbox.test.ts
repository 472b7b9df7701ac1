// Exercise 03.3: at least once, end to end: the idempotent consumer (inbox) alone, on
// inventory's real database.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshDataDir } from "@shop/kit/testing";
import { envelope } from "../../../messaging/envelope.ts";
import { handleOnce } from "../../../messaging/inbox.ts";
import { inTransaction, openDatabase, type PrismaClient, type Tx } from "../prisma/client.ts";
import { seedInventory } from "../src/db/seed.ts";

let db: PrismaClient;
beforeEach(async () => {
  db = openDatabase(freshDataDir("ex-03-4-"));
  await seedInventory(db);
});
afterEach(() => db.$disconnect());

const run = (work: (tx: Tx) => Promise<any>) => inTransaction(db, work);
const takeOneMug = async (tx: Tx) => {
  await tx.stock.update({ where: { sku: "MUG-001" }, data: { available: { decrement: 1 } } });
};
const mugs = async () => (await db.stock.findUnique({ where: { sku: "MUG-001" } }))!.available;
const placed = (orderId: string) => {
  const data = {
    orderId,
    lines: [{ sku: "MUG-001", qty: 1, unitPriceCents: 1200 }],
    totalCents: 1200,
    card: "4242424242424242",
  };
  return envelope("orders.order-placed", data, { correlationId: `c-${orderId}` });
};
const message = placed("o-1");

describe("handleOnce, the idempotent consumer", () => {
  it("When the broker delivers the same message twice, then it has one effect", async () => {
    const deliver = () =>
      handleOnce<Tx>(run, "inventory.order-placed", message, takeOneMug).catch(String);
    const first = await deliver();
    const second = await deliver();

    const once = "keep each handled id with the effect; a message seen before is dropped (false)";
    expect([first, second], once).toEqual([true, false]);
    expect(await mugs(), once).toBe(24);
  });

  it("When two different messages come, then each has its effect", async () => {
    await handleOnce<Tx>(run, "inventory.order-placed", message, takeOneMug);
    await handleOnce<Tx>(run, "inventory.order-placed", placed("o-2"), takeOneMug);

    expect(await mugs()).toBe(23);
  });

  it("When two consumers get the same message, then each handles it once", async () => {
    await handleOnce<Tx>(run, "inventory.order-placed", message, takeOneMug);
    await handleOnce<Tx>(run, "inventory.order-cancelled", message, takeOneMug);

    expect(await mugs(), "the inbox is per consumer: each handles the message once").toBe(23);
  });

  it("When handling fails half-way, then neither the effect nor the message id is kept, and the retry does the work", async () => {
    const failing = async (tx: Tx) => {
      await takeOneMug(tx);
      throw new Error("the handler failed after its first write");
    };

    const rollsBack = "a failed handler throws: its writes roll back, and the broker retries";
    const outcome = await handleOnce<Tx>(run, "inventory.order-placed", message, failing).then(
      (handled) => `it returned ${handled}`,
      String,
    );
    expect(outcome, rollsBack).toContain("the handler failed");
    expect(await mugs(), rollsBack).toBe(25);

    expect(await handleOnce<Tx>(run, "inventory.order-placed", message, takeOneMug)).toBe(true);
    expect(await mugs()).toBe(24);
  });
});
