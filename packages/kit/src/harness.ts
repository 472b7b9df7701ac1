// Starts a step's service processes for tests: ephemeral ports, a fresh temp data folder per run,
// and a clean stop. Each service is a real process speaking real HTTP on loopback.
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ensureBroker } from "./ensure-broker.ts";
import { portIsFree } from "./port-holder.ts";
import { loadStep, resolveEnv, stepLabel, type Scale } from "./step-services.ts";

/** Absolute, so a service runs from any working folder. Resolved on use: a vitest global setup can
 * import the kit, and its module runner has no import.meta.resolve. */
const tsx = () => import.meta.resolve("tsx");

export interface ServiceSpec {
  name: string;
  /** 0 (default) for any free port; a fixed one to come back on the same address after a stop. */
  port?: number;
  /** The service's entry file, run with tsx. */
  entry: string;
  cwd: string;
  env?: Record<string, string>;
}

export interface RunningProcess {
  name: string;
  pid: number;
  port: number;
  url: string;
  /** The logs it wrote so far (stdout and stderr), for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
  /** Kills the process at once (SIGKILL): no clean shutdown, as in a crash. */
  kill(): Promise<void>;
}

/**
 * A port nothing listens on now, for a service to take a moment later. Drawn below the ports the
 * system hands out for outgoing connections (32768 and up on Linux, 49152 and up on macOS and
 * Windows): an ephemeral port released here could be taken by any connection before the service
 * binds it (EADDRINUSE, seen in a full run). Never the same one twice in this process.
 */
export async function freePort(): Promise<number> {
  const { from, size } = portSlice();
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = from + Math.floor(Math.random() * size);
    if (handedOut.has(port)) continue;
    handedOut.add(port); // before the check: a call running beside this one must not take it too
    if (await portIsFree(port)) return port;
    handedOut.delete(port);
  }
  throw new Error(`no free port between ${from} and ${from + size - 1}`);
}

const handedOut = new Set<number>();

/**
 * The ports this process picks from: 20000-31999, cut in 16 slices, one per vitest worker
 * (VITEST_POOL_ID): `handedOut` keeps one process from handing a port out twice, the slices
 * keep two workers from picking the same one between the check and the child's listen.
 */
export function portSlice(poolId = Number(process.env.VITEST_POOL_ID ?? 0)) {
  const size = 750;
  return { from: 20_000 + (poolId % 16) * size, size };
}

/** Whether a process with this id is still running (signal 0 checks without sending anything). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function freshDataDir(prefix = "shop-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startProcess(
  spec: ServiceSpec,
  { startTimeoutMs = 20_000 } = {},
): Promise<RunningProcess> {
  const child = fork(spec.entry, [], {
    cwd: spec.cwd,
    execArgv: ["--import", tsx()],
    env: {
      ...process.env,
      PORT: String(spec.port ?? 0),
      SHOP_CHAOS: "1",
      SHOP_HARNESS: "1",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      ...spec.env,
    },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL"); // a service stuck at start-up would otherwise outlive the test
      reject(new Error(`${spec.name} did not start within ${startTimeoutMs} ms:\n${output}`));
    }, startTimeoutMs);
    child.on("message", (message: { type?: string; port?: number }) => {
      if (message?.type === "listening" && message.port) {
        clearTimeout(timer);
        resolve(message.port);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${spec.name} exited with code ${code} before listening:\n${output}`));
    });
  });

  return {
    name: spec.name,
    pid: child.pid!,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () => stopChild(child),
    kill: () => stopChild(child, 0, "SIGKILL"),
  };
}

/** SIGTERM (or `signal`), then SIGKILL after the grace period; resolves once it has exited. */
export function stopChild(
  child: ChildProcess,
  graceMs = 5_000,
  signal: NodeJS.Signals = "SIGTERM",
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill(signal);
  });
}

export interface RunningService {
  name: string;
  url: string;
  port: number;
  dataDir: string;
  /** The running process's id, or undefined while it is stopped. */
  pid(): number | undefined;
  output(): string;
  /** Stops the process; its port stays reserved for `start()`. */
  stop(): Promise<void>;
  /** Kills it at once (SIGKILL), as in a crash. */
  kill(): Promise<void>;
  /** Starts it again on the same port with the same data (and, this time only, extra environment). */
  start(extraEnv?: Record<string, string>): Promise<void>;
  /** Restarts it with settings that every later start keeps, until restarted with none. */
  restartWith(settings: Record<string, string> | undefined): Promise<void>;
  isRunning(): boolean;
}

export interface RunningStep {
  services: Record<string, RunningService>;
  dataRoot: string;
  stop(): Promise<void>;
}

/**
 * Starts every process of a step (its services.json) at once, on free ports chosen first, each
 * with a fresh data folder, and wires their URLs into each other's environment. At once is safe
 * because no service needs another one up to start: each declares the broker topology it relies
 * on before it publishes, and HTTP callers retry or fall back.
 */
export interface StartStepOptions {
  /**
   * Extra environment per service name, for all its instances; "payments-2" adds to that one.
   * `{name}` stands for a service's URL, as in services.json.
   */
  env?: Record<string, Record<string, string>>;
  /** Extra environment for every service (e.g. SHOP_NAMESPACE). */
  sharedEnv?: Record<string, string>;
  /** Instances per service, as `npm start -- NN --scale payments=3`: payments, payments-2, … */
  scale?: Scale;
}

export async function startStep(
  stepDir: string,
  { env = {}, sharedEnv = {}, scale = {} }: StartStepOptions = {},
): Promise<RunningStep> {
  const step = loadStep(stepDir, scale);
  if (step.needsBroker) await ensureBroker(); // a test run starts one when it can, as `npm test` does
  const dataRoot = freshDataDir("shop-step-");
  const ports = await Promise.all(step.services.map(() => freePort()));
  const urls = Object.fromEntries(
    step.services.map((entry, i) => [entry.name, `http://127.0.0.1:${ports[i]}`]),
  );
  const services: Record<string, RunningService> = {};
  /** A test's extra environment for a service, where `{name}` is a URL too. */
  const extra = (name: string | undefined) =>
    name && env[name] ? resolveEnv({ name, entry: "", port: 0, env: env[name] }, urls) : {};
  // Instances sharing one data folder start one after another: the first one migrates its database.
  const previousOnFolder = new Map<string, Promise<unknown>>();
  const starting = step.services.map(async (entry, i) => {
    const dataDir = join(dataRoot, entry.data ?? entry.name);
    const before = previousOnFolder.get(dataDir);
    const mine = (async () => {
      await before?.catch(() => undefined);
      const spec: ServiceSpec = {
        name: entry.name,
        port: ports[i], // a restart comes back on the same address
        cwd: stepDir,
        entry: resolve(stepDir, entry.entry),
        env: {
          DATA_DIR: dataDir,
          SHOP_STEP: stepLabel(stepDir),
          ...sharedEnv,
          ...resolveEnv(entry, urls),
          ...extra(entry.instanceOf), // every instance of payments
          ...extra(entry.name),
        },
      };
      let current: RunningProcess | undefined = await startProcess(spec);
      let settings: Record<string, string> | undefined;
      services[entry.name] = {
        name: entry.name,
        url: current.url,
        port: current.port,
        dataDir,
        pid: () => current?.pid,
        output: () => current?.output() ?? "",
        isRunning: () => current !== undefined,
        stop: async () => {
          await current?.stop();
          current = undefined;
        },
        kill: async () => {
          await current?.kill();
          current = undefined;
        },
        start: async (extraEnv) => {
          current ??= await startProcess({
            ...spec,
            env: { ...spec.env, ...settings, ...extraEnv },
          });
        },
        restartWith: async (newSettings) => {
          await current?.stop();
          current = undefined;
          settings = newSettings;
          current = await startProcess({ ...spec, env: { ...spec.env, ...settings } });
        },
      };
    })();
    previousOnFolder.set(dataDir, mine);
    return mine;
  });
  const results = await Promise.allSettled(starting);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) {
    await Promise.all(Object.values(services).map((s) => s.stop()));
    throw failed.reason;
  }
  return {
    services,
    dataRoot,
    stop: async () => {
      await Promise.all(Object.values(services).map((s) => s.stop()));
    },
  };
}
