// Starts every process of step 02 (services.json) on free ports with fresh databases, and gives
// the tests what they need: the storefront API through the gateway, each service to stop, restart
// or slow down, and a read-only look at every service's database to prove what was written.
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, beforeEach } from "vitest";
import {
  apiFor,
  type Api,
  chaosClient,
  sharedShop,
  startStep,
  type RunningService,
  type RunningStep,
} from "@shop/kit";

const stepDir = join(import.meta.dirname, "../..");

export interface TestShop {
  url: string;
  step: RunningStep;
  api: Api;
  service(name: string): RunningService;
  /** The named faults of one service (packages/kit/src/chaos.ts). */
  chaos(name: string): ReturnType<typeof chaosClient>;
  /** Every row of every table of every service, for "nothing changed" checks. */
  snapshot(): Snapshot;
  /** Seed data back, every service up and healed. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function startShop(
  env: Record<string, Record<string, string>> = {},
): Promise<TestShop> {
  const step = await startStep(stepDir, { env });
  const web = step.services.web!;
  const api = apiFor(web.url);
  const service = (name: string) => {
    const found = step.services[name];
    if (!found) throw new Error(`No service ${name}`);
    return found;
  };
  return {
    url: web.url,
    step,
    api,
    service,
    chaos: (name) => chaosClient(service(name).url),
    snapshot: () => snapshotOf(step),
    reset: async () => {
      for (const s of Object.values(step.services)) {
        await s.start();
        await chaosClient(s.url).heal();
      }
      const { status, body } = await api.post("/api/admin/reset");
      if (status !== 204) throw new Error(`reset failed with ${status}: ${JSON.stringify(body)}`);
    },
    stop: () => step.stop(),
  };
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
 * per worker, not once per file), or, with `reset: false`, started for the file and stopped after
 * it. A file's own settings (`env`) restart just those services with them, for that file only.
 * Back to the seed data (every service up and healed) before each test unless `reset: false`.
 */
export function useShop({
  reset = true,
  env = {},
}: { reset?: boolean; env?: Record<string, Record<string, string>> } = {}): TestShop {
  const shop = {} as TestShop;
  // afterAll waits for it: a beforeAll that timed out is still running
  let started: Promise<void> = Promise.resolve();
  beforeAll(() => {
    started = (async () => {
      const running = reset
        ? sharedShop(stepDir, () => startShop(), withClosedBreakers)
        : startShop(env);
      Object.assign(shop, await running);
      if (reset)
        for (const [name, settings] of Object.entries(env))
          await shop.service(name).restartWith(settings);
    })();
    return started;
  });
  if (reset) beforeEach(() => shop.reset());
  afterAll(async () => {
    await Promise.allSettled([started]);
    if (!shop.step) return; // it did not start
    if (!reset) return shop.stop();
    // every one, even if one fails: settings must not reach the next file
    await Promise.allSettled(
      Object.keys(env).map((name) => shop.service(name).restartWith(undefined)),
    );
  });
  return shop;
}

/** Orders keeps its circuit breakers in memory, and a reset leaves them: a new file restarts it. */
async function withClosedBreakers(shop: TestShop): Promise<void> {
  await shop.service("orders").stop();
  await shop.service("orders").start();
}

export const GOOD_CARD = "4242424242424242";
export const DECLINED_CARD = "4000000000000002";
