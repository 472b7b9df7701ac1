// The broker is a cluster of three RabbitMQ nodes here (started for this file, on ports of its
// own, next to the machine's broker), and every queue a quorum queue: a copy on each node, a
// leader that takes the messages. A burst of orders while the node that leads the queues stops
// and starts again: the services reconnect to another node (AMQP_HOSTS), the queues elect a new
// leader, and nothing is lost or charged twice. Nor when the messages fail meanwhile and wait
// in the retry queues, whose leader stops too.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CORRELATION_HEADER, eventually, startLocalCluster } from "@shop/kit";
import type { LocalCluster } from "@shop/kit";
import { deadLetterCounts } from "../../../messaging/dead-letters.ts";
import { RETRY_QUEUES } from "../../../messaging/topology.ts";
import {
  GOOD_CARD,
  outcomesSaid,
  paymentsRows,
  setMessagingFaults,
  settled,
  startShop,
  type TestShop,
} from "../../../test/support/shop.ts";
import { DECLINED_CARD } from "../src/card-network.ts";

const ORDERS = 200;
const saved = { ...process.env };
let cluster: LocalCluster;
let shop: TestShop;
beforeAll(async () => {
  cluster = await startLocalCluster();
  process.env.AMQP_URL = cluster.url;
  process.env.AMQP_HOSTS = cluster.hosts.join(",");
  process.env.LOG_LEVEL = "info"; // each service logs when it is connected to the broker
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
  process.env = saved;
}, 120_000);
// A shop of its own for each test: its services connect to the first node, which then leads
// every queue they declare (a node that stopped earlier has started again by then).
beforeEach(async () => {
  shop = await startShop();
  process.env.SHOP_NAMESPACE = shop.namespace; // for deadLetterCounts
}, 120_000);
// a test that failed with a node down leaves it down: the next one starts on three
afterEach(async () => {
  for (const [index] of cluster?.nodes.entries() ?? []) await cluster.startNode(index);
  await shop?.stop();
}, 120_000);

/** A service's log lines since `since` (epoch ms): pino's JSON, with its time. */
const linesSince = (output: string, since: number) =>
  output
    .split("\n")
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as { time: number; msg: string; correlationId?: string }];
      } catch {
        return [];
      }
    })
    .filter((line) => line.time >= since);

/**
 * How long a service was without the broker after `since`: from its first "connection error"
 * (the node went away) to its next "connected"; undefined while it is not connected again.
 */
function offlineMs(output: string, since: number): number | undefined {
  const lines = linesSince(output, since);
  const lost = lines.find((l) => l.msg.startsWith("broker connection error"))?.time ?? since;
  const back = lines.find((l) => l.time >= lost && l.msg === "connected to the broker");
  return back && back.time - lost;
}

/** Every payments handler throws for `ms` from now (a dependency down, say). */
const failPaymentsFor = (ms: number) =>
  setMessagingFaults(shop.service("payments").url, { failForMs: ms });

const retriedByPayments = async (): Promise<number> =>
  (await (await fetch(`${shop.service("payments").url}/admin/messaging`)).json()).stats.retried;

describe("A burst of orders on a broker cluster", () => {
  it("When payments fails before and while the leading node is down, then every message is retried: none parked, none lost", async () => {
    // Arrange: one node leads payments' queue and the retry queues
    const leader = await cluster.leaderOf(`${shop.brokerPrefix}payments.order-events`);
    const down = cluster.nodes.findIndex((node) => node.name === leader);
    expect(down, `the leader ${leader} is one of the cluster's nodes`).toBeGreaterThanOrEqual(0);
    const retryLeaders = await Promise.all(
      RETRY_QUEUES.map((queue) => cluster.leaderOf(`${shop.brokerPrefix}${queue}`)),
    );
    expect(retryLeaders, "the retry queues' leader").toEqual(RETRY_QUEUES.map(() => leader));
    await shop.api.post("/api/admin/products/NTB-001/restock", { qty: 100 });
    const order = { lines: [{ sku: "NTB-001", qty: 1 }], card: GOOD_CARD };
    /** n orders, their correlation ids `${tag}-0`, `${tag}-1`…: payments' log names them */
    const place = async (n: number, tag: string) => {
      const placed = await Promise.all(
        Array.from({ length: n }, (_, k) =>
          shop.api.post("/api/orders", order, { [CORRELATION_HEADER]: `${tag}-${k}` }),
        ),
      );
      expect(placed.map((r) => r.status)).toEqual(Array(n).fill(202));
      return placed.map((r) => r.body.id as string);
    };

    // Act: payments fails for a while; 20 orders wait in the retry queues when the node stops,
    // their waits (0.2, 1, 5 s) end while the leaders move; 20 more fail while it is down
    await failPaymentsFor(4_000);
    const before = await place(20, "before");
    await eventually(async () => expect(await retriedByPayments()).toBeGreaterThanOrEqual(20));
    await cluster.stopNode(down);
    const stopped = Date.now();
    await failPaymentsFor(2_000);
    const during = await place(20, "down");
    // the node comes back once each of those 20 has failed in payments while it was away
    await eventually(
      () => {
        const failed = linesSince(shop.service("payments").output(), stopped)
          .filter((l) => l.msg.endsWith("will retry") && l.correlationId?.startsWith("down-"))
          .map((l) => l.correlationId);
        expect(new Set(failed).size, "orders placed while it was down, failed").toBe(20);
      },
      { timeout: 30_000 },
    );
    await cluster.startNode(down);
    const back = Date.now();

    // Assert
    const outcome = await settled(shop, [...before, ...during], 60_000);
    const finalAfterMs = Date.now() - back;
    expect(outcome, "every order final").toEqual({ CONFIRMED: 40 });
    expect(await deadLetterCounts(), "nothing parked: each failure was retried").toEqual({});
    const charges = paymentsRows(shop, `SELECT "approved" FROM "CardNetworkCharge"`);
    expect(charges, "one charge per order, retried or not").toHaveLength(40);
    expect(outcomesSaid(shop), "one outcome per order").toBe(40);
    console.log(
      `broker cluster: payments failing, ${leader} stopped: ${await retriedByPayments()} ` +
        `retries; every order final ${finalAfterMs} ms after it came back, none parked`,
    );
  }, 180_000);

  it(`When the node that leads the queues stops during ${ORDERS} orders and comes back, then each is final, charged once, and the services reconnect within 5 s`, async () => {
    // Arrange: the queues' leader, where everyone connected first
    await shop.api.post("/api/admin/products/NTB-001/restock", { qty: 10_000 });
    const leader = await cluster.leaderOf(`${shop.brokerPrefix}payments.order-events`);
    const down = cluster.nodes.findIndex((node) => node.name === leader);
    expect(down, `the leader ${leader} is one of the cluster's nodes`).toBeGreaterThanOrEqual(0);
    const card = (i: number) => (i % 10 === 0 ? DECLINED_CARD : GOOD_CARD);
    const place = (i: number) =>
      shop.api.post("/api/orders", { lines: [{ sku: "NTB-001", qty: 1 }], card: card(i) });

    // Act: ten at a time; the leader's node stopped after a quarter, started after three
    const accepted: string[] = [];
    let offline: number[] = [];
    let duringTheOutage: Record<string, number> = {};
    for (let i = 0; i < ORDERS; i += 10) {
      if (i === ORDERS / 4) {
        const stopping = Date.now();
        const stopped = cluster.stopNode(down);
        offline = await eventually(
          () =>
            Object.values(shop.step.services).map((s) => {
              const ms = offlineMs(s.output(), stopping);
              expect(ms, `${s.name} connected to another node`).toBeDefined();
              return ms!;
            }),
          { timeout: 30_000, interval: 50 },
        );
        await stopped;
        // a service that starts now declares queues that live on the stopped node
        await shop.service("shipping").stop();
        await shop.service("shipping").start();
        // orders placed now go through on the two nodes left: the queues did not stop with it
        const meanwhile = await Promise.all(Array.from({ length: 10 }, (_, k) => place(i + k)));
        expect(meanwhile.map((r) => r.status)).toEqual(Array(10).fill(202));
        const ids = meanwhile.map((r) => r.body.id as string);
        duringTheOutage = await settled(shop, ids, 30_000);
        accepted.push(...ids);
        continue;
      }
      if (i === (ORDERS * 3) / 4) await cluster.startNode(down);
      const batch = await Promise.all(Array.from({ length: 10 }, (_, k) => place(i + k)));
      for (const r of batch) {
        expect(r.status).toBe(202);
        accepted.push(r.body.id);
      }
    }

    // Assert
    const outcome = await settled(shop, accepted, 90_000);
    expect(outcome, "every order final: none lost with the node").toEqual({
      CONFIRMED: ORDERS - ORDERS / 10,
      REJECTED: ORDERS / 10,
    });
    const charges = paymentsRows(shop, `SELECT "approved" FROM "CardNetworkCharge"`);
    expect(charges, "one charge per order, redeliveries or not").toHaveLength(ORDERS);
    expect(charges.filter((c) => c.approved)).toHaveLength(ORDERS - ORDERS / 10);
    expect(outcomesSaid(shop), "one outcome per order").toBe(ORDERS);
    expect(duringTheOutage, "final while the node was down").toEqual({ CONFIRMED: 9, REJECTED: 1 });
    const worst = Math.max(...offline);
    expect(worst, "each service without the broker for less than 5 s").toBeLessThan(5_000);
    console.log(
      `broker cluster: ${leader} stopped during ${ORDERS} orders; the services were without ` +
        `the broker for ${offline.join(", ")} ms; ${JSON.stringify(outcome)}`,
    );
  }, 240_000);
});
