// One default shop per vitest worker, shared by the test files that want it. A step's vitest
// config turns `isolate` off, so this module (and its map) lives as long as the worker. Booting
// a step costs about six CPU-seconds; the reset before each test, a fraction of that.
// The processes end with the worker: a service whose parent goes away stops itself.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const shops = new Map<string, Promise<unknown>>();

/**
 * The shop for `key`, started by `start` the first time a file of this worker asks. Each later
 * file gets the same shop, after `handOver` (for state that a reset does not undo).
 */
export async function sharedShop<T>(key: string, start: () => Promise<T>, handOver?: (shop: T) => Promise<void>): Promise<T> {
  const existing = shops.get(key) as Promise<T> | undefined;
  if (existing) {
    const shop = await existing;
    await handOver?.(shop);
    return shop;
  }
  const started = start();
  shops.set(key, started);
  started.catch(() => shops.delete(key)); // a failed start is tried again by the next file
  return started;
}

/**
 * Writes down a broker prefix that a shared shop uses, in the folder the step's global setup
 * gave (see `brokerNamesLeftBehind`): its teardown deletes those names once the workers are gone.
 */
export function rememberBrokerPrefix(folder: string, prefix: string): void {
  writeFileSync(join(folder, prefix), "");
}

/**
 * A step's vitest global setup: gives the workers a folder for the prefixes (as
 * `sharedShopPrefixes`) and, after the run, deletes every name under them with the step's own
 * `deleteTopology`.
 */
export function sharedShopsSetup(deleteTopology: (prefix: string) => Promise<void>) {
  return (project: { provide(key: "sharedShopPrefixes", value: string): void }) => {
    const folder = mkdtempSync(join(tmpdir(), "shop-shared-"));
    project.provide("sharedShopPrefixes", folder);
    return async () => {
      for (const prefix of readdirSync(folder)) await deleteTopology(prefix);
      rmSync(folder, { recursive: true, force: true });
    };
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    sharedShopPrefixes: string;
  }
}
