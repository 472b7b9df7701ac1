// Starts every process of step 03 (services.json) on free ports with fresh databases and its own
// namespace on the real broker, and gives the tests the storefront API, each service to stop or
// restart, a read-only look at every database, and a clean broker afterwards.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, beforeEach, expect, inject } from "vitest";
import { ADMIN_HEADERS, brokerAddress, brokerNamespace, chaosClient, eventually } from "@shop/kit";
import {
  apiFor,
  type Api,
  applySettings,
  rememberSharedShop,
  sharedShop,
  startStep,
  startTcpProxy,
  type RunningService,
  type RunningStep,
  type Scale,
  type ServiceSettings,
  type TcpProxy,
} from "@shop/kit/testing";
import { Connection } from "rabbitmq-client";
import { DEFAULT_AMQP_URL } from "@shop/kit";
import { deleteTopology } from "../../messaging/cleanup.ts";
import { declaredNames, QUEUES, RETRY_QUEUES } from "../../messaging/topology.ts";
import { SEED_PRODUCTS } from "../../services/catalog/src/db/seed.ts";
import { PROJECTIONS } from "../../services/orders/src/projections/index.ts";
import { SEED_STOCK } from "../../services/inventory/src/db/seed.ts";

const stepDir = join(import.meta.dirname, "../..");

export interface TestShop {
  url: string;
  step: RunningStep;
  /** SHOP_NAMESPACE of its processes; `brokerPrefix` is what their broker names start with. */
  namespace: string;
  brokerPrefix: string;
  /** The link between every service and the broker, when started with `brokerLink: true`. */
  brokerLink?: TcpProxy;
  api: Api;
  /** The settings the services run with now, beyond their defaults (a file's `env`). */
  settings: ServiceSettings;
  service(name: string): RunningService;
  chaos(name: string): ReturnType<typeof chaosClient>;
  /** Every row of the business tables of every service, for "nothing changed" checks. */
  snapshot(): Snapshot;
  /** Waits until the order has this status (events take a moment), and returns it. */
  statusOf(orderId: string, status: string): Promise<any>;
  /** Seed data back, every service up and healed, and every copy caught up. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export const SEED_VIEW = SEED_PRODUCTS.map((p) => ({ ...p, available: SEED_STOCK[p.sku] })).sort(
  (a, b) => a.name.localeCompare(b.name),
);

export interface ShopOptions {
  env?: Record<string, Record<string, string>>;
  /** Put a TCP proxy between the services and the broker, so a test can cut the link. */
  brokerLink?: boolean;
  /** Several processes of a service, e.g. { payments: 3 }: payments, payments-2, payments-3. */
  scale?: Scale;
}

export async function startShop({
  env = {},
  brokerLink = false,
  scale = {},
}: ShopOptions = {}): Promise<TestShop> {
  const namespace = `test-${randomBytes(4).toString("hex")}.`;
  const prefix = brokerNamespace(stepDir, { SHOP_NAMESPACE: namespace }); // "test-1a2b.03-pubsub."
  const proxy = brokerLink ? await startTcpProxy(brokerAddress()) : undefined;
  const sharedEnv: Record<string, string> = { SHOP_NAMESPACE: namespace };
  if (proxy) {
    sharedEnv.AMQP_URL = `amqp://guest:guest@127.0.0.1:${proxy.port}`;
    sharedEnv.AMQP_HOSTS = ""; // a cluster's nodes (AMQP_HOSTS) would go round the proxy
  }
  // A service that did not start stops the others; the queues they declared must go too.
  const step = await startStep(stepDir, { env, sharedEnv, scale }).catch(async (error) => {
    await proxy?.close();
    await deleteTopology(prefix);
    throw error;
  });
  const web = step.services.web!;
  const api = apiFor(web.url);
  const service = (name: string) => {
    const found = step.services[name];
    if (!found) throw new Error(`No service ${name}`);
    return found;
  };
  const shop: TestShop = {
    url: web.url,
    step,
    namespace,
    brokerPrefix: prefix,
    brokerLink: proxy,
    api,
    settings: { ...env },
    service,
    chaos: (name) => chaosClient(service(name).url),
    snapshot: () => snapshotOf(step),
    statusOf: (orderId, status) =>
      eventually(async () => {
        const { body } = await api.get(`/api/orders/${orderId}`);
        expect(body.status).toBe(status);
        return body;
      }),
    // One at a time: a reset whose hook timed out is still running, and two would seed twice.
    reset: () => (resetting = resetting.catch(() => undefined).then(resetNow)),
    stop: async () => {
      await step.stop();
      await proxy?.close();
      await deleteTopology(prefix);
    },
  };
  let resetting = Promise.resolve();
  async function resetNow(): Promise<void> {
    proxy?.restore();
    await Promise.all(
      Object.values(step.services).map(async (s) => {
        await s.start();
        await chaosClient(s.url).heal();
        await setMessagingFaults(s.url, { deliverTwice: false, relayPaused: false, failForMs: 0 });
        if (s.name === "orders") await pauseProjections(shop, false);
      }),
    );
    // a late event of the previous test must not land after the reset: wait, or drop it
    await untilQuiet(shop, { dropLeftovers: true });
    const { status, body } = await api.post("/api/admin/reset");
    if (status !== 204) throw new Error(`reset failed with ${status}: ${JSON.stringify(body)}`);
    await caughtUp(shop);
  }
  // Not caught up in time: stop what started, or its processes and queues would outlive the test.
  await caughtUp(shop).catch(async (error) => {
    await shop.stop();
    throw error;
  });
  return shop;
}

/**
 * Waits until nothing is in flight: every outbox sent, every queue empty, no message in a
 * handler, and none settled since the previous look (one on its way to a retry queue shows
 * nowhere else). With `dropLeftovers`, messages waiting in retry queues (up to 30 s each, and
 * they may fail again) or parked in a .dlq are purged instead: the reset between tests drops
 * what a test left failing.
 */
export async function untilQuiet(shop: TestShop, { dropLeftovers = false } = {}): Promise<void> {
  let lastSettled = -1;
  const connection = new Connection({
    url: process.env.AMQP_URL ?? DEFAULT_AMQP_URL,
    connectionName: "test-depths",
  });
  await eventually(
    async () => {
      for (const service of ["catalog", "inventory", "orders", "payments"]) {
        const db = new Database(join(shop.step.services[service]!.dataDir, `${service}.db`), {
          readonly: true,
        });
        try {
          // orders has no outbox: its event store is one, read by the forwarder from its checkpoint
          // (which may be ahead of an emptied store: see shopReset.whenTheForwarderSavesLate)
          const unsent =
            service === "orders"
              ? `SELECT count(*) FROM Event WHERE position >
                   coalesce((SELECT position FROM Checkpoint WHERE name = 'forwarder'), 0)`
              : `SELECT count(*) FROM OutboxMessage WHERE sentAt IS NULL`;
          expect(db.prepare(unsent).pluck().get(), `${service} not yet published`).toBe(0);
          if (service === "orders")
            expect(db.prepare(UNPROJECTED).pluck().get(), "read models behind").toBe(0);
        } finally {
          db.close();
        }
      }
      // the broker and the services are asked at the same time: a message that moves between
      // them meanwhile is seen by the next look
      const [depths, totals] = await Promise.all([
        (async () => {
          // what lands in a retry queue after its purge was in a handler now: seen below
          if (dropLeftovers) await purgeLeftovers(connection, shop.brokerPrefix);
          const queues = dropLeftovers
            ? Object.keys(QUEUES)
            : [...Object.keys(QUEUES), ...RETRY_QUEUES];
          return queueDepths(connection, shop.brokerPrefix, queues);
        })(),
        messagingTotals(shop),
      ]);
      expect(depths).toEqual({});
      const { handled = 0, retried = 0, deadLettered = 0, inHandler = 0 } = totals;
      expect(inHandler, "messages in a handler").toBe(0);
      // between a handler and its outcome (a retry being published) a message shows nowhere
      const settled = handled + retried + deadLettered;
      const stable = settled === lastSettled;
      lastSettled = settled;
      expect(stable, "messages still being handled").toBe(true);
    },
    { timeout: 30_000, interval: 25 },
  ).finally(() => connection.close());
}

/** Events some read model of orders has not applied yet (projections run after the answer). */
const UNPROJECTED = `SELECT count(*) FROM Event WHERE position > coalesce(
  (SELECT min(position) FROM Checkpoint WHERE name != 'forwarder'
   HAVING count(*) = ${PROJECTIONS.length}), 0)`;

/** Holds orders' projection loop (the list stops following the store), or lets it go again. */
export async function pauseProjections(shop: TestShop, paused: boolean): Promise<void> {
  const response = await fetch(`${shop.service("orders").url}/chaos/projections`, {
    method: "POST",
    headers: { "content-type": "application/json", ...ADMIN_HEADERS },
    body: JSON.stringify({ paused }),
  });
  if (!response.ok) throw new Error(`/chaos/projections answered ${response.status}`);
}

/**
 * Waits until orders' read models (the list, sales) have applied every event stored: they follow
 * the store in their own loop, a moment after the write was answered.
 */
export async function readModelsCaughtUp(shop: TestShop): Promise<void> {
  await eventually(async () => {
    const response = await fetch(`${shop.service("orders").url}/admin/projections`);
    expect(((await response.json()) as { behind: number }).behind, "events behind").toBe(0);
  });
}

/** Empties every queue of the step but those its consumers read: the retry queues and .dlqs. */
async function purgeLeftovers(connection: Connection, prefix: string): Promise<void> {
  const consumed = new Set(Object.keys(QUEUES).map((q) => `${prefix}${q}`));
  for (const queue of declaredNames(prefix).queues.filter((q) => !consumed.has(q)))
    await connection.queuePurge({ queue }).catch(() => undefined);
}

/** The (ready) messages waiting in these queues of the step, for queues that have any. */
async function queueDepths(
  connection: Connection,
  prefix: string,
  queues: string[],
): Promise<Record<string, number>> {
  const depths: Record<string, number> = {};
  // One after another: a queue not declared yet closes the channel, and would fail the others.
  for (const queue of queues) {
    const { messageCount } = await connection
      .queueDeclare({ queue: `${prefix}${queue}`, passive: true })
      .catch(() => ({ messageCount: 0 }));
    if (messageCount > 0) depths[queue] = messageCount;
  }
  return depths;
}

/** The copies (the gateway's product list, orders' prices) have the seed data. */
async function caughtUp(shop: TestShop): Promise<void> {
  const prices = SEED_PRODUCTS.map(({ sku, name, priceCents }) => ({ sku, name, priceCents })).sort(
    (a, b) => a.sku.localeCompare(b.sku),
  );
  await eventually(
    async () => {
      expect((await shop.api.get("/api/products")).body).toEqual(SEED_VIEW);
      expect(
        await (await fetch(`${shop.service("orders").url}/admin/product-copy`)).json(),
      ).toEqual(prices);
    },
    { timeout: 10_000 },
  );
}

/** A service's messaging fault switches (messaging/faults.ts), as its /chaos/messaging sets them. */
export interface MessagingFaults {
  /** every handler sees each message twice (what a lost acknowledgement does) */
  deliverTwice?: boolean;
  /** the outbox relay (step 04 orders: the forwarder) publishes nothing */
  relayPaused?: boolean;
  /** every handler throws for this long from now (0: no more) */
  failForMs?: number;
}

export async function setMessagingFaults(url: string, faults: MessagingFaults): Promise<void> {
  const response = await fetch(`${url}/chaos/messaging`, {
    method: "POST",
    headers: { "content-type": "application/json", ...ADMIN_HEADERS },
    body: JSON.stringify(faults),
  });
  if (response.status !== 200)
    throw new Error(`${url}/chaos/messaging answered ${response.status}`);
}

/**
 * Which service's database holds which business tables (inboxes and copies left out). Orders'
 * truth is its Event table; the tests look at orders through their read model, `OrderView`.
 */
const TABLES_BY_SERVICE = {
  catalog: { Product: "Product" },
  inventory: { Stock: "Stock", Reservation: "Reservation" },
  orders: { Order: "OrderView", Event: "Event", IdempotencyRecord: "IdempotencyRecord" },
  payments: { Payment: "Payment" },
  shipping: { Shipment: "Shipment" },
} as const;
type Table = {
  [S in keyof typeof TABLES_BY_SERVICE]: keyof (typeof TABLES_BY_SERVICE)[S];
}[keyof typeof TABLES_BY_SERVICE];
export type Snapshot = Record<Table, any[]>;

/** Product and Stock also count their changes (`version`, for the copies): tests compare what they hold. */
function businessRows(table: string, rows: any[]): any[] {
  return table === "Product" || table === "Stock"
    ? rows.map(({ version: _version, ...row }) => row)
    : rows;
}

function snapshotOf(step: RunningStep): Snapshot {
  const snapshot: Partial<Snapshot> = {};
  for (const [service, tables] of Object.entries(TABLES_BY_SERVICE)) {
    const db = new Database(join(step.services[service]!.dataDir, `${service}.db`), {
      readonly: true,
    });
    try {
      for (const [key, table] of Object.entries(tables))
        snapshot[key as Table] = businessRows(
          table,
          db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all(),
        );
    } finally {
      db.close();
    }
  }
  return snapshot as Snapshot;
}

/**
 * The shop of a test file, shared with this worker's other files (sharedShop: a step boots once
 * per worker, not once per file), or, with `reset: false` or a broker link to cut, started for
 * the file and stopped after it. A file's own settings (`env`) restart just those services with
 * them (applySettings), and a later file that wants others restarts them again. Back to the
 * seed data (every service up, healed and caught up) before each test unless `reset: false`.
 */
export function useShop({
  reset = true,
  ...options
}: ShopOptions & { reset?: boolean } = {}): TestShop {
  const shop = {} as TestShop;
  const prefixes = inject("sharedShopPrefixes"); // set by test/support/global-setup.ts
  const { env = {}, brokerLink = false, scale } = options;
  const shared = reset && !brokerLink && !scale && prefixes !== undefined;
  // afterAll waits for it: a beforeAll that timed out is still running
  let started: Promise<void> = Promise.resolve();
  beforeAll(() => {
    started = (async () => {
      const running = shared
        ? sharedShop(stepDir, () => startSharedShop(prefixes))
        : startShop(options);
      Object.assign(shop, await running);
      if (shared)
        await applySettings(shop.settings, env, (name, settings) =>
          shop.service(name).restartWith(settings),
        );
    })();
    return started;
  });
  if (reset) beforeEach(() => shop.reset());
  afterAll(async () => {
    await Promise.allSettled([started]);
    if (!shop.step) return; // it did not start
    if (!shared) return shop.stop();
    // the global teardown stops a shared shop, and needs its processes as they are now
    rememberShop(prefixes, shop);
  });
  return shop;
}

async function startSharedShop(prefixes: string): Promise<TestShop> {
  const shop = await startShop();
  rememberShop(prefixes, shop);
  return shop;
}

function rememberShop(prefixes: string, shop: TestShop): void {
  const pids = Object.values(shop.step.services).flatMap((s) => s.pid() ?? []);
  rememberSharedShop(prefixes, shop.brokerPrefix, pids);
}

export const GOOD_CARD = "4242424242424242";
export const DECLINED_CARD = "4000000000000002";

/**
 * The messaging counters of every service, added up: handled, retried, dead-lettered,
 * duplicates suppressed; and inHandler, a gauge (messages in a handler now), not a total.
 */
export async function messagingTotals(shop: TestShop): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  const all = await Promise.all(
    Object.values(shop.step.services).map(async (service) => {
      const { stats } = await (await fetch(`${service.url}/admin/messaging`)).json();
      return stats as Record<string, number>;
    }),
  );
  for (const stats of all)
    for (const [key, value] of Object.entries(stats)) totals[key] = (totals[key] ?? 0) + value;
  return totals;
}

/** Waits until every given order has reached a final status; returns how many ended in each. */
export async function settled(
  shop: TestShop,
  orderIds: string[],
  timeout = 60_000,
): Promise<Record<string, number>> {
  return eventually(
    async () => {
      const orders: { id: string; status: string }[] = shop.snapshot().Order;
      const wanted = new Set(orderIds);
      const mine = orders.filter((o) => wanted.has(o.id));
      expect(mine.filter((o) => o.status === "PENDING")).toEqual([]);
      expect(mine).toHaveLength(orderIds.length);
      return mine.reduce<Record<string, number>>(
        (count, o) => ({ ...count, [o.status]: (count[o.status] ?? 0) + 1 }),
        {},
      );
    },
    { timeout, interval: 200 },
  );
}
