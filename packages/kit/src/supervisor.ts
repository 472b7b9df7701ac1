// `npm start` of a step: starts every service of services.json as a child process, prefixes and
// colours their logs, waits until each answers /health, opens the workshop console on port 3100,
// and on Ctrl-C stops them all. Steps that use the broker reach it through a TCP proxy here, so the
// console can cut and restore the link without touching the broker itself.
import { fork, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { styleText } from "node:util";
import { watchShopEvents, type MessageFeed } from "./console/feed.ts";
import { startConsole, type ConsoleService, type ServiceState, type WorkshopConsole } from "./console/server.ts";
import { LEVELS } from "./console/timeline.ts";
import { stopChild } from "./harness.ts";
import { amqpUrlVia, assertBrokerReachable, brokerAddress, DEFAULT_AMQP_URL } from "./rabbitmq.ts";
import { loadStep, resolveEnv } from "./step-services.ts";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy.ts";

/** Absolute, so a service runs from any working folder. */
const TSX = import.meta.resolve("tsx");

const COLORS = ["cyan", "magenta", "yellow", "green", "blue", "red", "white"] as const;
const LEVEL_RANK = Object.fromEntries(Object.entries(LEVELS).map(([rank, name]) => [name, Number(rank)]));
/** The console's port (plus the offset); SHOP_CONSOLE_PORT sets another one. */
export const CONSOLE_PORT = 3100;

export interface SuperviseOptions {
  stepDir: string;
  /** Added to every default port, e.g. 900 runs the shop on 3900-3914 and the console on 4000. */
  portOffset?: number;
  dataRoot?: string;
}

/** One readable line per pino JSON line: time, level, message and the fields worth seeing. */
function pretty(line: string): { text: string; level: number } {
  try {
    const log = JSON.parse(line);
    const time = new Date(log.time).toISOString().slice(11, 23);
    const fields = ["correlationId", "orderId", "dependency", "downstreamCalls", "url"]
      .filter((k) => log[k] !== undefined)
      .map((k) => `${k}=${k === "correlationId" ? String(log[k]).slice(0, 8) : log[k]}`);
    const req = log.req ? `${log.req.method} ${log.req.url} -> ${log.res?.statusCode} ${log.responseTime}ms ` : "";
    return { text: `${time} ${(LEVELS[log.level] ?? log.level).padEnd(5)} ${req}${log.msg ?? ""} ${fields.join(" ")}`.trimEnd(), level: Number(log.level) || 30 };
  } catch {
    return { text: line, level: 50 }; // not a log line (a stack trace, a crash): always shown
  }
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error("exited before it was healthy");
    try {
      if ((await fetch(`${url}/health`, { signal: AbortSignal.timeout(500) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no answer on ${url}/health within ${timeoutMs} ms`);
}

export async function supervise({ stepDir, portOffset = 0, dataRoot = process.env.DATA_DIR ?? join(stepDir, "data") }: SuperviseOptions): Promise<void> {
  const step = loadStep(stepDir);
  const amqpUrl = process.env.AMQP_URL ?? DEFAULT_AMQP_URL;
  if (step.needsBroker) {
    try {
      await assertBrokerReachable();
    } catch (error) {
      console.error((error as Error).message);
      process.exit(1);
    }
  }
  // Services log at info at least, so the console sees every request; the terminal shows LOG_LEVEL.
  const shownLevel = LEVEL_RANK[process.env.LOG_LEVEL ?? "info"] ?? 30;
  const childLevel = shownLevel < 30 ? process.env.LOG_LEVEL! : "info";
  const entries = step.services;
  const width = Math.max(...entries.map((e) => e.name.length));
  const urls: Record<string, string> = {};
  const services: ConsoleService[] = [];
  const stops: (() => Promise<void>)[] = [];
  let brokerLink: TcpProxy | undefined;
  let feed: MessageFeed | undefined;
  let workshopConsole: WorkshopConsole | undefined;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping every service…");
    await Promise.all(stops.map((stop) => stop()));
    await workshopConsole?.close();
    await feed?.close().catch(() => undefined);
    await brokerLink?.close();
    console.log("All stopped; the ports are free.");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  const sharedEnv: Record<string, string> = {};
  if (step.needsBroker) {
    brokerLink = await startTcpProxy(brokerAddress(amqpUrl));
    sharedEnv.AMQP_URL = amqpUrlVia(brokerLink.port, amqpUrl);
  }

  for (const [i, entry] of entries.entries()) {
    const port = entry.port + portOffset;
    const url = `http://127.0.0.1:${port}`;
    const dataDir = join(dataRoot, entry.data ?? entry.name);
    mkdirSync(dataDir, { recursive: true });
    const env = { ...process.env, ...sharedEnv, PORT: String(port), DATA_DIR: dataDir, SHOP_CHAOS: "1", LOG_LEVEL: childLevel, ...resolveEnv(entry, urls) };
    const prefix = styleText(COLORS[i % COLORS.length]!, `[${entry.name.padEnd(width)}]`);
    let child: ChildProcess | undefined;
    let state: ServiceState = "starting";

    const start = async () => {
      state = "starting";
      const current = fork(resolve(stepDir, entry.entry), [], { cwd: stepDir, execArgv: ["--import", TSX], env, stdio: ["ignore", "pipe", "pipe", "ipc"] });
      child = current;
      for (const stream of [current.stdout!, current.stderr!]) {
        createInterface({ input: stream }).on("line", (line) => {
          workshopConsole?.record(entry.name, line);
          const { text, level } = pretty(line);
          if (level >= shownLevel) console.log(`${prefix} ${text}`);
        });
      }
      current.on("exit", (code, signal) => {
        if (child !== current) return;
        if (state !== "stopped") state = "exited";
        if (!stopping) console.log(`${prefix} exited (${signal ?? `code ${code}`}); the others keep running`);
      });
      await waitHealthy(url, current);
      state = "up";
    };
    const stop = async () => {
      state = "stopped";
      if (child) await stopChild(child);
    };
    stops.push(stop);
    services.push({ name: entry.name, url, state: () => state, start, stop });
    try {
      await start();
    } catch (error) {
      console.error(`${prefix} did not start on port ${port}: ${(error as Error).message}. Is the port busy? Try: npx workshop doctor`);
      await shutdown(1);
      return;
    }
    urls[entry.name] = url;
  }

  if (step.needsBroker) feed = watchShopEvents(amqpUrl, process.env.SHOP_NAMESPACE ?? "");
  const consolePort = Number(process.env.SHOP_CONSOLE_PORT ?? CONSOLE_PORT + portOffset);
  try {
    workshopConsole = await startConsole({ port: consolePort, step: basename(stepDir), storefrontUrl: urls.web, services, brokerLink, feed });
  } catch (error) {
    console.warn(`The workshop console could not listen on port ${consolePort} (${(error as Error).message}); the shop runs without it.`);
  }

  console.log("\nAll services are up (fault switches on: SHOP_CHAOS=1):");
  for (const entry of entries) console.log(`  ${entry.name.padEnd(width)}  ${urls[entry.name]}`);
  const web = entries.find((e) => e.name === "web");
  if (web) console.log(`\nStorefront: http://localhost:${web.port + portOffset}   (Ctrl-C stops everything)`);
  if (workshopConsole) console.log(`Console:    ${workshopConsole.url}`);
}
