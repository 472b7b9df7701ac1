// Exercise 03.3: at least once, end to end: orders' outbox, the relay, the real broker, and
// inventory's consumer with its inbox. The relay dies after a publish and before it marks the
// row sent, so the event goes out twice; the reservation is made once.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventually, type Logger } from "@shop/kit";
import { freshDataDir } from "@shop/kit/testing";
import { envelope } from "../../../messaging/envelope.ts";
import { handleOnce } from "../../../messaging/inbox.ts";
import {
  addToOutbox,
  startRelay,
  type OutboxTable,
  type Relay,
} from "../../../messaging/outbox.ts";
import { testBroker, type TestBroker } from "../../../test/support/broker.ts";
import * as orders from "../../orders/prisma/client.ts";
import { inTransaction, openDatabase, type PrismaClient, type Tx } from "../prisma/client.ts";
import { seedInventory } from "../src/db/seed.ts";

let ordersDb: orders.PrismaClient;
let inventoryDb: PrismaClient;
let shop: TestBroker;
let relay: Relay | undefined;
/** What the relay complained about: a failure no test asks for ends the wait at once. */
let complaints: string[];
const recorder = {
  warn: (fields: { err?: string }, message: string) => complaints.push(`${message}: ${fields.err}`),
} as unknown as Logger;

beforeEach(async () => {
  complaints = [];
  ordersDb = orders.openDatabase(freshDataDir("ex-03-3-orders-"));
  inventoryDb = openDatabase(freshDataDir("ex-03-3-inventory-"));
  await seedInventory(inventoryDb);
  shop = await testBroker();
});
afterEach(async () => {
  await relay?.stop();
  relay = undefined;
  await shop.close();
  await ordersDb.$disconnect();
  await inventoryDb.$disconnect();
});

/** Orders' outbox, except that marking the first row sent fails: the process died right there. */
function outboxDyingBeforeTheFirstMark(): OutboxTable {
  let died = false;
  return {
    outboxMessage: {
      create: (args) => ordersDb.outboxMessage.create(args),
      findMany: (args) => ordersDb.outboxMessage.findMany(args),
      update: async (args) => {
        if (!died) {
          died = true;
          throw new Error("died after the publish, before the mark (failing on purpose)");
        }
        return ordersDb.outboxMessage.update(args);
      },
    },
  };
}

const placed = envelope(
  "orders.order-placed",
  {
    orderId: "o-1",
    lines: [{ sku: "MUG-001", qty: 2, unitPriceCents: 1200 }],
    totalCents: 2400,
    card: "4242424242424242",
  },
  { correlationId: "c-03.3" },
);
const mugs = async () =>
  (await inventoryDb.stock.findUnique({ where: { sku: "MUG-001" } }))!.available;

describe("at least once, end to end", () => {
  it("When the relay dies between the publish and the mark, then the event comes twice and the stock is taken once", async () => {
    // each delivery, once handled: did it have its effect (true) or was it a duplicate (false)?
    const handled: boolean[] = [];
    await shop.broker.consume("inventory.order-placed", async (message) => {
      const takeTwoMugs = async (tx: Tx) => {
        await tx.stock.update({ where: { sku: "MUG-001" }, data: { available: { decrement: 2 } } });
      };
      const run = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(inventoryDb, work);
      handled.push(await handleOnce<Tx>(run, "inventory.order-placed", message, takeTwoMugs));
    });
    await orders.inTransaction(ordersDb, (tx) => addToOutbox(tx, placed));

    relay = startRelay(outboxDyingBeforeTheFirstMark(), shop.broker, recorder, { pollMs: 50 });

    await eventually(
      () =>
        expect(
          handled.length,
          "publish first, then mark it sent: after a death in between, the event goes out again",
        ).toBe(2),
      { giveUpIf: () => complaints.find((c) => !c.includes("failing on purpose")) },
    );
    await eventually(async () =>
      expect(
        await ordersDb.outboxMessage.count({ where: { sentAt: null } }),
        "the second publish is marked sent",
      ).toBe(0),
    );
    const once = "the inbox turns twice into once: the second delivery is dropped";
    expect(handled, once).toEqual([true, false]);
    expect(await mugs(), `${once}: two mugs taken, not four`).toBe(23);
  });
});
