// Starts every process of step 02 (services.json) on free ports with fresh databases, and gives
// the tests what they need: the storefront API through the gateway, each service to stop, restart
// or slow down, and a read-only look at every service's database to prove what was written.
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { chaosClient, eventually } from "@shop/kit";
import {
  apiFor,
  type Api,
  applySettings,
  sharedShop,
  startStep,
  type RunningService,
  type RunningStep,
  type Scale,
  type ServiceSettings,
} from "@shop/kit/testing";

const stepDir = join(import.meta.dirname, "../..");

export interface TestShop {
  url: string;
  step: RunningStep;
  api: Api;
  /** The settings the services run with now, beyond their defaults (a file's `env`). */
  settings: ServiceSettings;
  service(name: string): RunningService;
  /** The named faults of one service (packages/kit/src/chaos.ts). */
  chaos(name: string): ReturnType<typeof chaosClient>;
  /** Every row of every table of every service, for "nothing changed" checks. */
  snapshot(): Snapshot;
  /** Seed data back, every service up and healed. */
  reset(): Promise<void>;
  /** True once a test stopped or restarted a service or injected a fault (what opens breakers). */
  breakersMayBeOpen(): boolean;
  /** Says orders was restarted, so its breakers are closed. */
  breakersClosed(): void;
  stop(): Promise<void>;
}

export async function startShop(
  env: Record<string, Record<string, string>> = {},
  scale: Scale = {},
): Promise<TestShop> {
  const step = await startStep(stepDir, { env, scale });
  const web = step.services.web!;
  const api = apiFor(web.url);
  // Set once a fault was injected: breakers may have opened since (see breakersMayBeOpen).
  let faulted = false;
  const service = (name: string): RunningService => {
    const found = step.services[name];
    if (!found) throw new Error(`No service ${name}`);
    const faulting =
      <A extends unknown[]>(act: (...args: A) => Promise<void>) =>
      (...args: A) => {
        faulted = true;
        return act(...args);
      };
    return { ...found, stop: faulting(found.stop), restartWith: faulting(found.restartWith) };
  };
  return {
    url: web.url,
    step,
    api,
    settings: { ...env },
    service,
    chaos: (name) => {
      faulted = true;
      return chaosClient(service(name).url);
    },
    snapshot: () => snapshotOf(step),
    reset: async () => {
      const services = Object.values(step.services);
      await Promise.all(services.map((s) => s.start().then(() => chaosClient(s.url).heal())));
      // A saga still running (its caller gave up first) or an undo the compensation loop is still
      // sending would land after the reset (a cancelled shipment out of nowhere in the next
      // test): give them time to end, longer than a saga's budget and the loop's longest backoff.
      // Still there after that, none is in flight: the file turned the loop off
      // (COMPENSATION_INTERVAL_MS), and the reset drops them.
      await eventually(() => expect(sagaWorkLeft(step)).toBe(0), { timeout: 12_000 }).catch(
        () => {},
      );
      const { status, body } = await api.post("/api/admin/reset");
      if (status !== 204) throw new Error(`reset failed with ${status}: ${JSON.stringify(body)}`);
    },
    breakersMayBeOpen: () => faulted,
    breakersClosed: () => {
      faulted = false;
    },
    stop: () => step.stop(),
  };
}

/** PENDING orders (sagas being driven) and undos orders still owes. */
function sagaWorkLeft(step: RunningStep): number {
  const db = new Database(join(step.services.orders!.dataDir, "orders.db"), { readonly: true });
  try {
    const pending = db.prepare(`SELECT count(*) FROM "Order" WHERE status = 'PENDING'`);
    const owed = db.prepare(`SELECT count(*) FROM "Compensation" WHERE "doneAt" IS NULL`);
    return (pending.pluck().get() as number) + (owed.pluck().get() as number);
  } finally {
    db.close();
  }
}

/** Which service's database holds which tables (the orders' price cache is left out: it is a cache). */
const TABLES_BY_SERVICE = {
  catalog: ["Product"],
  inventory: ["Stock", "Reservation"],
  orders: ["Order", "OrderLine", "IdempotencyRecord", "Compensation"],
  payments: ["Payment"],
  shipping: ["Shipment"],
} as const;
type Table = (typeof TABLES_BY_SERVICE)[keyof typeof TABLES_BY_SERVICE][number];
export type Snapshot = Record<Table, any[]>;

function snapshotOf(step: RunningStep): Snapshot {
  const snapshot: Partial<Snapshot> = {};
  for (const [service, tables] of Object.entries(TABLES_BY_SERVICE)) {
    const db = new Database(join(step.services[service]!.dataDir, `${service}.db`), {
      readonly: true,
    });
    try {
      for (const t of tables) snapshot[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all();
    } finally {
      db.close();
    }
  }
  return snapshot as Snapshot;
}

/**
 * The shop of a test file, shared with this worker's other files (sharedShop: a step boots once
 * per worker, not once per file), or, with `reset: false` or instances (`scale`, as `--scale
 * orders=2`), started for the file and stopped after it. A file's own settings (`env`) restart
 * just those services of a shared shop with them (applySettings), and a later file that wants
 * other settings restarts them again.
 * Back to the seed data (every service up and healed) before each test unless `reset: false`.
 */
export function useShop({
  reset = true,
  env = {},
  scale,
}: {
  reset?: boolean;
  env?: Record<string, Record<string, string>>;
  scale?: Scale;
} = {}): TestShop {
  const shop = {} as TestShop;
  const shared = reset && !scale;
  // afterAll waits for it: a beforeAll that timed out is still running
  let started: Promise<void> = Promise.resolve();
  beforeAll(() => {
    started = (async () => {
      const running = shared ? sharedShop(stepDir, () => startShop()) : startShop(env, scale);
      Object.assign(shop, await running);
      if (shared) await handOver(shop, env);
    })();
    return started;
  });
  if (reset) beforeEach(() => shop.reset());
  afterAll(async () => {
    await Promise.allSettled([started]);
    if (!shared) await shop.step?.stop(); // a shared shop ends with the worker
  });
  return shop;
}

/**
 * A shared shop, made ready for the next file: its services get the file's settings, and orders
 * keeps its circuit breakers in memory (a reset leaves them), so it is restarted if the files
 * before injected faults. A breaker opens on transient failures only.
 */
export async function handOver(shop: TestShop, env: ServiceSettings): Promise<void> {
  const breakersMayBeOpen = shop.breakersMayBeOpen();
  const restart = (name: string, settings?: Record<string, string>) =>
    shop.step.services[name]!.restartWith(settings);
  const restarted = await applySettings(shop.settings, env, restart);
  if (breakersMayBeOpen && !restarted.includes("orders"))
    await restart("orders", shop.settings.orders);
  // a file's own settings (short timeouts) may open breakers in its tests
  if (Object.keys(env).length === 0) shop.breakersClosed();
}

export const GOOD_CARD = "4242424242424242";
export const DECLINED_CARD = "4000000000000002";
