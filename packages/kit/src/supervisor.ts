// `npm start` of a multi-process step: starts every service of services.json as a child process,
// prefixes and colours their logs, waits until each answers /health, and on Ctrl-C stops them all.
import { fork, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { styleText } from "node:util";
import { assertBrokerReachable } from "./rabbitmq.ts";
import { loadStep, resolveEnv } from "./step-services.ts";

/** Absolute, so a service runs from any working folder. */
const TSX = import.meta.resolve("tsx");

const COLORS = ["cyan", "magenta", "yellow", "green", "blue", "red", "white"] as const;
const LEVELS: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };

interface Child {
  name: string;
  process: ChildProcess;
}

export interface SuperviseOptions {
  stepDir: string;
  /** Added to every default port, e.g. 900 runs the shop on 3900-3914 (the browser specs do). */
  portOffset?: number;
  dataRoot?: string;
}

/** One readable line per pino JSON line: time, level, message and the fields worth seeing. */
function pretty(line: string): string {
  try {
    const log = JSON.parse(line);
    const time = new Date(log.time).toISOString().slice(11, 23);
    const fields = ["correlationId", "orderId", "dependency", "downstreamCalls", "url"]
      .filter((k) => log[k] !== undefined)
      .map((k) => `${k}=${k === "correlationId" ? String(log[k]).slice(0, 8) : log[k]}`);
    const req = log.req ? `${log.req.method} ${log.req.url} -> ${log.res?.statusCode} ${log.responseTime}ms ` : "";
    return `${time} ${(LEVELS[log.level] ?? log.level).padEnd(5)} ${req}${log.msg ?? ""} ${fields.join(" ")}`.trimEnd();
  } catch {
    return line;
  }
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("exited before it was healthy");
    try {
      if ((await fetch(`${url}/health`, { signal: AbortSignal.timeout(500) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no answer on ${url}/health within ${timeoutMs} ms`);
}

function stopAll(children: Child[]): Promise<void> {
  return Promise.all(
    children.map(
      ({ process: child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
          child.once("exit", () => {
            clearTimeout(killer);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  ).then(() => undefined);
}

export async function supervise({ stepDir, portOffset = 0, dataRoot = process.env.DATA_DIR ?? join(stepDir, "data") }: SuperviseOptions): Promise<void> {
  const step = loadStep(stepDir);
  if (step.needsBroker) {
    try {
      await assertBrokerReachable();
    } catch (error) {
      console.error((error as Error).message);
      process.exit(1);
    }
  }
  const entries = step.services;
  const width = Math.max(...entries.map((e) => e.name.length));
  const urls: Record<string, string> = {};
  const children: Child[] = [];
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping every service…");
    await stopAll(children);
    console.log("All stopped; the ports are free.");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  for (const [i, entry] of entries.entries()) {
    const port = entry.port + portOffset;
    const url = `http://127.0.0.1:${port}`;
    const dataDir = join(dataRoot, entry.data ?? entry.name);
    mkdirSync(dataDir, { recursive: true });
    const child = fork(resolve(stepDir, entry.entry), [], {
      cwd: stepDir,
      execArgv: ["--import", TSX],
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SHOP_CHAOS: "1", ...resolveEnv(entry, urls) },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    children.push({ name: entry.name, process: child });
    const prefix = styleText(COLORS[i % COLORS.length]!, `[${entry.name.padEnd(width)}]`);
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on("line", (line) => console.log(`${prefix} ${pretty(line)}`));
    }
    child.on("exit", (code, signal) => {
      if (!stopping) console.log(`${prefix} exited (${signal ?? `code ${code}`}); the others keep running`);
    });
    try {
      await waitHealthy(url, child);
    } catch (error) {
      console.error(`${prefix} did not start on port ${port}: ${(error as Error).message}. Is the port busy? Try: npx workshop doctor`);
      await shutdown(1);
      return;
    }
    urls[entry.name] = url;
  }

  console.log("\nAll services are up (fault switches on: SHOP_CHAOS=1):");
  for (const entry of entries) console.log(`  ${entry.name.padEnd(width)}  ${urls[entry.name]}`);
  const web = entries.find((e) => e.name === "web");
  if (web) console.log(`\nStorefront: http://localhost:${web.port + portOffset}   (Ctrl-C stops everything)`);
}
