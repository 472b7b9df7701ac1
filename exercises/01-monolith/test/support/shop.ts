// Starts the step-01 shop as a real process on a free port with a fresh database, and gives the
// tests what they need: the API over HTTP, and a read-only look at the database file to prove
// that a failed request wrote nothing.
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, beforeEach } from "vitest";
import {
  apiFor,
  type Api,
  freshDataDir,
  sharedShop,
  startProcess,
  type RunningProcess,
} from "@shop/kit/testing";

const stepDir = join(import.meta.dirname, "../..");

export interface TestShop {
  url: string;
  process: RunningProcess;
  api: Api;
  /** Every row of every table, for "nothing changed" checks. */
  snapshot(): Snapshot;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function startShop(env: Record<string, string> = {}): Promise<TestShop> {
  const dataDir = freshDataDir("shop-01-");
  const process = await startProcess({
    name: "shop",
    cwd: stepDir,
    entry: join(stepDir, "services/web/src/main.ts"),
    env: { DATA_DIR: dataDir, ...env },
  });
  const api = apiFor(process.url);
  return {
    url: process.url,
    process,
    api,
    snapshot: () => snapshotOf(join(dataDir, "shop.db")),
    reset: async () => {
      const { status } = await api.post("/api/admin/reset");
      if (status !== 204) throw new Error(`reset failed with ${status}`);
    },
    stop: () => process.stop(),
  };
}

const TABLES = [
  "Product",
  "Stock",
  "Reservation",
  "Order",
  "OrderLine",
  "IdempotencyRecord",
  "Payment",
  "Shipment",
] as const;
export type Snapshot = Record<(typeof TABLES)[number], any[]>;

function snapshotOf(dbPath: string): Snapshot {
  const db = new Database(dbPath, { readonly: true });
  try {
    return Object.fromEntries(
      TABLES.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]),
    ) as Snapshot;
  } finally {
    db.close();
  }
}

export const GOOD_CARD = "4242424242424242";
export const DECLINED_CARD = "4000000000000002";

/**
 * The shop of a test file: the one this worker's files share (sharedShop: it starts once per
 * worker), back to the seed data before each test. With `reset: false` or settings of its own
 * (`env`), a shop of the file's own, started before its first test and stopped after its last.
 */
export function useShop({
  reset = true,
  env = {},
}: { reset?: boolean; env?: Record<string, string> } = {}): TestShop {
  const shop = {} as TestShop;
  const shared = reset && Object.keys(env).length === 0;
  beforeAll(async () => {
    Object.assign(shop, await (shared ? sharedShop(stepDir, () => startShop()) : startShop(env)));
  });
  if (reset) beforeEach(() => shop.reset());
  afterAll(() => (shared ? undefined : shop.stop?.()));
  return shop;
}
