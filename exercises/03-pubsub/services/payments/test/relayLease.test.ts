// Three payments instances share one database, so their three relays read one outbox. With the
// lease, one relay publishes at a time: each event once, in order; when that relay stops or
// cannot publish, another one takes over. Each relay runs in a process of its own, as each
// instance does, on one database file and the real broker.
import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { freshDataDir } from "@shop/kit/testing";
import { envelope } from "../../../messaging/envelope.ts";
import { addToOutbox } from "../../../messaging/outbox.ts";
import { LEASE_MS } from "../../../messaging/relay-lease.ts";
import { testBroker, type TestBroker } from "../../../test/support/broker.ts";
import { openDatabase, type PrismaClient } from "../prisma/client.ts";

let dataDir: string;
let db: PrismaClient;
let broker: TestBroker;
let relays: ChildProcess[];
beforeEach(async () => {
  dataDir = freshDataDir("payments-relay-lease-");
  db = openDatabase(dataDir); // migrates the file before the relays open it
  broker = await testBroker(); // a namespace of its own, which the relays inherit
  relays = [];
});
afterEach(async () => {
  await Promise.all(relays.map(stop));
  await broker.close();
  await db.$disconnect();
});

/** A payments instance's relay, in its own process; resolves once it runs. */
async function relay(holder: string, linkDown = false): Promise<ChildProcess> {
  const script = join(import.meta.dirname, "support/relay-process.ts");
  const args = [dataDir, holder, ...(linkDown ? ["link-down"] : [])];
  const child = fork(script, args, { execArgv: ["--import", "tsx"], stdio: "inherit" });
  relays.push(child);
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`relay ${holder} exited (${code})`)));
  });
  return child;
}
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

const event = (n: number) =>
  envelope("payments.payment-refunded", { orderId: `order-${n}` }, { correlationId: `c-${n}` });
const write = (from: number, count: number) =>
  addToOutbox(db, ...Array.from({ length: count }, (_, i) => event(from + i)));
const published = () => broker.seen.map((e) => (e.data as { orderId: string }).orderId);
const orders = (count: number) => Array.from({ length: count }, (_, n) => `order-${n}`);

describe("the relay lease, two payments processes on one outbox", () => {
  it("When two relays drain the same outbox, then each event is published once, in order", async () => {
    await Promise.all([relay("payments"), relay("payments-2")]);

    for (let n = 0; n < 60; n += 10) await write(n, 10);

    await eventually(() => expect(published()).toHaveLength(60));
    expect(published(), "one relay at a time: no copies, and the outbox's order").toEqual(
      orders(60),
    );
  });

  it("When the relay holding the lease stops, then the other one publishes what comes next", async () => {
    const first = await relay("payments");
    await write(0, 5);
    await eventually(() => expect(published()).toHaveLength(5));
    await relay("payments-2");
    await stop(first); // it gives the lease back

    const stoppedAt = Date.now();
    await write(5, 5);

    await eventually(() => expect(published()).toHaveLength(10), { timeout: 3 * LEASE_MS });
    const tookOverMs = Date.now() - stoppedAt;
    expect(tookOverMs, "given back, not left to lapse: sooner than LEASE_MS").toBeLessThan(
      LEASE_MS,
    );
    expect(published()).toEqual(orders(10));
  });

  it("When the holder cannot publish (its broker link is down), then it gives way to the other", async () => {
    await relay("payments", true);
    await write(0, 1); // it takes the lease, and fails to publish
    await relay("payments-2");

    await write(1, 4);

    await eventually(() => expect(published()).toHaveLength(5), { timeout: 3 * LEASE_MS });
    expect(published()).toEqual(orders(5));
  });
});
