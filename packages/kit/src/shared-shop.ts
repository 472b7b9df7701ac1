// One default shop per vitest worker, shared by the test files that want it. A step's vitest
// config turns `isolate` off, so this module (and its map) lives as long as the worker. Booting
// a step costs about six CPU-seconds; the reset before each test, a fraction of that.
// The processes end with the worker: a service whose parent goes away stops itself.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { processIsAlive } from "./harness.ts";

const shops = new Map<string, Promise<unknown>>();

/**
 * The shop for `key`, started by `start` the first time a file of this worker asks; each later
 * file gets the same shop (and resets what it needs: `applySettings`, the step's reset).
 */
export async function sharedShop<T>(key: string, start: () => Promise<T>): Promise<T> {
  const existing = shops.get(key) as Promise<T> | undefined;
  if (existing) return existing;
  const started = start();
  shops.set(key, started);
  started.catch(() => shops.delete(key)); // a failed start is tried again by the next file
  return started;
}

/** Extra environment per service name, as a test file asks for it. */
export type ServiceSettings = Record<string, Record<string, string>>;

// what a service is marked with when a restart failed: it differs from any file's settings
const UNKNOWN = { "(restart failed)": "" };

/**
 * Gives a shared shop's services the settings a file asks for (none means the defaults),
 * restarting only those whose settings differ from the ones the files before it left in
 * `applied`, all at once. A file's settings stay until a later file wants others. Returns the
 * services it restarted.
 */
export async function applySettings(
  applied: ServiceSettings,
  wanted: ServiceSettings,
  restartWith: (service: string, settings: Record<string, string> | undefined) => Promise<void>,
): Promise<string[]> {
  const names = new Set([...Object.keys(applied), ...Object.keys(wanted)]);
  const changed = [...names].filter((name) => !isDeepStrictEqual(applied[name], wanted[name]));
  const results = await Promise.allSettled(
    changed.map(async (name) => {
      applied[name] = UNKNOWN; // until the restart is done
      await restartWith(name, wanted[name]);
      if (wanted[name]) applied[name] = wanted[name];
      else delete applied[name];
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  return changed;
}

/**
 * Writes down, in the folder the step's global setup gave, a broker prefix that a shared shop
 * uses and the processes that may still consume from it: the teardown stops those first, since
 * a queue deleted under a live consumer is declared again by it.
 */
export function rememberSharedShop(folder: string, prefix: string, pids: number[]): void {
  writeFileSync(join(folder, prefix), JSON.stringify(pids));
}

/**
 * A step's vitest global setup: gives the workers a folder for the shared shops (as
 * `sharedShopPrefixes`) and, after the run, stops their processes and deletes every broker name
 * under their prefixes with the step's own `deleteTopology`.
 */
export function sharedShopsSetup(deleteTopology: (prefix: string) => Promise<void>) {
  return (project: { provide(key: "sharedShopPrefixes", value: string): void }) => {
    const folder = mkdtempSync(join(tmpdir(), "shop-shared-"));
    project.provide("sharedShopPrefixes", folder);
    return async () => {
      for (const prefix of readdirSync(folder)) {
        await stopped(JSON.parse(readFileSync(join(folder, prefix), "utf8")) as number[]);
        await deleteTopology(prefix);
      }
      rmSync(folder, { recursive: true, force: true });
    };
  };
}

/** SIGTERM to each process still alive, then waits (10 s at most) until none is left. */
async function stopped(pids: number[]): Promise<void> {
  for (const pid of pids.filter(processIsAlive)) process.kill(pid, "SIGTERM");
  for (const deadline = Date.now() + 10_000; pids.some(processIsAlive) && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    sharedShopPrefixes: string;
  }
}
