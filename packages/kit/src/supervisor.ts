// `npm start` of a step: checks that every port is free, starts every service of services.json as
// a child process, prefixes and colours their logs, waits until each of its own processes answers
// /health, opens the workshop console on port 3100, and on Ctrl-C stops them all. Steps that use
// the broker reach it through a TCP proxy here, so the console can cut and restore the link.
import { fork, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { styleText } from "node:util";
import { brokerNamespace } from "./broker-names.ts";
import { watchShopEvents, type MessageFeed } from "./console/feed.ts";
import {
  startConsole,
  type ConsoleService,
  type ServiceState,
  type WorkshopConsole,
} from "./console/server.ts";
import { LEVELS } from "./console/timeline.ts";
import { stopChild } from "./harness.ts";
import { portHolder, portIsFree } from "./port-holder.ts";
import { prettyLogLine } from "./pretty-log.ts";
import { ensureBroker } from "./ensure-broker.ts";
import { amqpHosts, amqpUrlVia, brokerAddress, DEFAULT_AMQP_URL } from "./rabbitmq.ts";
import { loadStep, resolveEnv, stepLabel, type Scale } from "./step-services.ts";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy.ts";

/** Absolute, so a service runs from any working folder. */
const TSX = import.meta.resolve("tsx");

const COLORS = ["cyan", "magenta", "yellow", "green", "blue", "red", "white"] as const;
const LEVEL_RANK = Object.fromEntries(
  Object.entries(LEVELS).map(([rank, name]) => [name, Number(rank)]),
);
/** The console's port (plus the offset); SHOP_CONSOLE_PORT sets another one. */
export const CONSOLE_PORT = 3100;
/** How many of a service's last log lines to show when it dies during start-up. */
const LAST_LINES = 15;

export interface SuperviseOptions {
  stepDir: string;
  /** Added to every default port, e.g. 900 runs the shop on 3900-3914 and the console on 4000. */
  portOffset?: number;
  dataRoot?: string;
  /** Instances per service (`--scale payments=3`): competing consumers, or more to call. */
  scale?: Scale;
}

/** Resolves once this very child answers /health: another process on the port does not count. */
async function waitHealthy(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error("it exited during start-up");
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(500) });
      const { pid } = (await response.json()) as { pid?: number };
      if (pid !== undefined && pid !== child.pid)
        throw new Error(`another process (pid ${pid}) answers on ${url}`);
      if (response.ok) return;
    } catch (error) {
      if ((error as Error).message.startsWith("another process")) throw error;
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no answer on ${url}/health within ${timeoutMs} ms`);
}

/** Every busy port with who holds it, and the way out; undefined when all are free. */
async function busyPortsReport(
  ports: { name: string; port: number }[],
  label: string,
  offset: number,
) {
  const lines: string[] = [];
  const holders = new Set<string>();
  for (const { name, port } of ports) {
    if (await portIsFree(port)) continue;
    const holder = await portHolder(port);
    lines.push(`  port ${port} (for ${name}) is taken by ${holder.who}`);
    holders.add(holder.step ? `step ${holder.step} (Ctrl-C in its terminal)` : holder.who);
  }
  if (lines.length === 0) return undefined;
  const step = label.match(/^\d\d/)?.[0] ?? "NN";
  return [
    `Cannot start ${label}: ${lines.length === 1 ? "a port it needs is" : "ports it needs are"} taken.`,
    ...lines,
    `Fix: stop ${[...holders].join(", ")}, or run this step on other ports:`,
    // steps of 200: the shop's ports (3000+) and the console's (3100+) never meet
    `  npm start -- ${step} --port-offset ${offset + 200}`,
  ].join("\n");
}

export async function supervise({
  stepDir,
  portOffset = 0,
  dataRoot = process.env.DATA_DIR ?? join(stepDir, "data"),
  scale = {},
}: SuperviseOptions): Promise<void> {
  let step: ReturnType<typeof loadStep>;
  try {
    step = loadStep(stepDir, scale);
  } catch (error) {
    console.error((error as Error).message); // a --scale of a service this step does not have
    process.exit(2);
  }
  const label = stepLabel(stepDir);
  const amqpUrl = process.env.AMQP_URL ?? DEFAULT_AMQP_URL;
  const entries = step.services;
  const consolePort = Number(process.env.SHOP_CONSOLE_PORT ?? CONSOLE_PORT + portOffset);
  const busy = await busyPortsReport(
    entries.map((e) => ({ name: e.name, port: e.port + portOffset })),
    label,
    portOffset,
  );
  if (busy) {
    console.error(busy);
    process.exit(1);
  }
  if (step.needsBroker) {
    try {
      await ensureBroker({ amqpUrl }); // starts one (Docker or rabbitmq-server) when it can
    } catch (error) {
      console.error((error as Error).message);
      process.exit(1);
    }
  }
  // Services log at info at least, so the console sees every request; the terminal shows LOG_LEVEL.
  const shownLevel = LEVEL_RANK[process.env.LOG_LEVEL ?? "info"] ?? 30;
  const childLevel = shownLevel < 30 ? process.env.LOG_LEVEL! : "info";
  const width = Math.max(...entries.map((e) => e.name.length));
  const urls: Record<string, string> = {};
  const services: ConsoleService[] = [];
  const stops: (() => Promise<void>)[] = [];
  let brokerLink: TcpProxy | undefined;
  let feed: MessageFeed | undefined;
  let workshopConsole: WorkshopConsole | undefined;
  let startingUp = true;
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

  /** A service died before the step was up: say why with its last lines, stop the rest, exit 1. */
  const failStartUp = (prefix: string, name: string, reason: string, lastLines: string[]) => {
    if (stopping) return;
    console.error(`\n${prefix} ${name} did not start: ${reason}. Its last log lines:`);
    for (const line of lastLines) console.error(`${prefix}   ${line}`);
    console.error(`${label} did not start. Check the lines above, or run: npx workshop doctor`);
    void shutdown(1);
  };

  const namespace = brokerNamespace(stepDir);
  const sharedEnv: Record<string, string> = { SHOP_STEP: label };
  // The console's "cut the link" is one proxy to one broker; a cluster (AMQP_HOSTS) has no
  // single link to cut: stop one of its nodes instead (npm run cluster).
  if (step.needsBroker && !amqpHosts()) {
    brokerLink = await startTcpProxy(brokerAddress(amqpUrl));
    sharedEnv.AMQP_URL = amqpUrlVia(brokerLink.port, amqpUrl);
  }

  for (const [i, entry] of entries.entries()) {
    const port = entry.port + portOffset;
    const url = `http://127.0.0.1:${port}`;
    const dataDir = join(dataRoot, entry.data ?? entry.name);
    mkdirSync(dataDir, { recursive: true });
    const env = {
      ...process.env,
      ...sharedEnv,
      PORT: String(port),
      DATA_DIR: dataDir,
      SHOP_CHAOS: "1",
      LOG_LEVEL: childLevel,
      ...resolveEnv(entry, urls),
    };
    const prefix = styleText(COLORS[i % COLORS.length]!, `[${entry.name.padEnd(width)}]`);
    const lastLines: string[] = [];
    let child: ChildProcess | undefined;
    let state: ServiceState = "starting";

    const start = async () => {
      state = "starting";
      const current = fork(resolve(stepDir, entry.entry), [], {
        cwd: stepDir,
        execArgv: ["--import", TSX],
        env,
        stdio: ["ignore", "pipe", "pipe", "ipc"],
      });
      child = current;
      for (const stream of [current.stdout!, current.stderr!]) {
        createInterface({ input: stream }).on("line", (line) => {
          workshopConsole?.record(entry.name, line);
          const { text, level } = prettyLogLine(line);
          lastLines.push(text);
          if (lastLines.length > LAST_LINES) lastLines.shift();
          if (level >= shownLevel) console.log(`${prefix} ${text}`);
        });
      }
      current.on("exit", (code, signal) => {
        if (child !== current) return;
        if (state !== "stopped") state = "exited";
        const how = signal ?? `code ${code}`;
        // The last lines arrive after the exit event: give the pipes a moment to drain.
        if (startingUp)
          setTimeout(() => failStartUp(prefix, entry.name, `it exited (${how})`, lastLines), 100);
        else if (!stopping) console.log(`${prefix} exited (${how}); the others keep running`);
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
      // An exit is reported by the exit handler, with the last lines; anything else here.
      if (child?.exitCode === null && child.signalCode === null)
        failStartUp(prefix, entry.name, (error as Error).message, lastLines);
      return;
    }
    urls[entry.name] = url;
  }
  startingUp = false;

  if (step.needsBroker) feed = watchShopEvents(amqpUrl, namespace);
  try {
    const asyncApi = join(stepDir, "messaging/asyncapi.json");
    const asyncApiFile = existsSync(asyncApi) ? asyncApi : undefined;
    const storefrontUrl = urls.web;
    workshopConsole = await startConsole({
      port: consolePort,
      step: label,
      storefrontUrl,
      services,
      brokerLink,
      feed,
      asyncApiFile,
    });
  } catch (error) {
    console.warn(
      `The workshop console could not listen on port ${consolePort} (${(error as Error).message}); the shop runs without it.`,
    );
  }

  console.log("\nAll services are up (fault switches on: SHOP_CHAOS=1):");
  for (const entry of entries) console.log(`  ${entry.name.padEnd(width)}  ${urls[entry.name]}`);
  if (step.needsBroker)
    console.log(`  broker names: ${namespace}* (this step's own exchange and queues)`);
  const web = entries.find((e) => e.name === "web");
  if (web)
    console.log(
      `\nStorefront: http://localhost:${web.port + portOffset}   (Ctrl-C stops everything)`,
    );
  if (workshopConsole) console.log(`Console:    ${workshopConsole.url}`);
}
