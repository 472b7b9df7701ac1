// Three payments instances share one database, so their three relays read one outbox. With the
// lease, one relay publishes at a time: each event once, in order; when that relay stops, another
// one takes over. Two relays here, each on its own connection to the file, to the real broker.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { freshDataDir } from "@shop/kit/testing";
import { envelope } from "../../../messaging/envelope.ts";
import { addToOutbox, startRelay, type Relay } from "../../../messaging/outbox.ts";
import { LEASE_MS, relayLease } from "../../../messaging/relay-lease.ts";
import { testBroker, type TestBroker } from "../../../test/support/broker.ts";
import { quiet } from "../../../test/support/broker.ts";
import { openDatabase, type PrismaClient } from "../prisma/client.ts";

let dataDir: string;
let clients: PrismaClient[];
let broker: TestBroker;
let relays: Relay[];
beforeEach(async () => {
  dataDir = freshDataDir("payments-relay-lease-");
  clients = [openDatabase(dataDir), openDatabase(dataDir)]; // two processes' connections
  broker = await testBroker();
  relays = [];
});
afterEach(async () => {
  await Promise.all(relays.map((r) => r.stop()));
  await broker.close();
  await Promise.all(clients.map((c) => c.$disconnect()));
});

const event = (n: number) =>
  envelope("payments.payment-refunded", { orderId: `order-${n}` }, { correlationId: `c-${n}` });
// Row by row, outside a transaction: two connections in one process must not hold a
// transaction open across an await while the other one waits for SQLite's lock (that wait blocks
// the whole process; separate processes, as the instances are, do not share it).
const write = (db: PrismaClient, from: number, count: number) =>
  addToOutbox(db, ...Array.from({ length: count }, (_, i) => event(from + i)));
/** A relay as each instance's main starts one: with the lease, under its own name. */
function relay(db: PrismaClient, holder: string): Relay {
  const started = startRelay(db, broker.broker, quiet, {
    pollMs: 20,
    mayPublish: relayLease(db, holder),
  });
  relays.push(started);
  return started;
}
const published = () => broker.seen.map((e) => (e.data as { orderId: string }).orderId);

describe("the relay lease, two relays on one outbox", () => {
  it("When two relays drain the same outbox, then each event is published once, in order", async () => {
    const [a, b] = clients as [PrismaClient, PrismaClient];
    relay(a, "payments");
    relay(b, "payments-2");

    for (let n = 0; n < 60; n += 10) await write(n % 20 === 0 ? a : b, n, 10);

    const all = Array.from({ length: 60 }, (_, n) => `order-${n}`);
    await eventually(() => expect(published()).toHaveLength(60));
    expect(published(), "one relay at a time: no copies, and the outbox's order").toEqual(all);
  });

  it("When the relay holding the lease stops, then the other one publishes what comes next", async () => {
    const [a, b] = clients as [PrismaClient, PrismaClient];
    const first = relay(a, "payments");
    await write(a, 0, 5);
    await eventually(() => expect(published()).toHaveLength(5));
    relay(b, "payments-2");
    await first.stop(); // its lease lapses: it is not renewed any more

    const stoppedAt = Date.now();
    await write(a, 5, 5);

    await eventually(() => expect(published()).toHaveLength(10), { timeout: 3 * LEASE_MS });
    const tookOverMs = Date.now() - stoppedAt;
    expect(tookOverMs, "within the lease and a few polls").toBeLessThan(LEASE_MS + 1_000);
    expect(published()).toEqual(Array.from({ length: 10 }, (_, n) => `order-${n}`));
  });
});
