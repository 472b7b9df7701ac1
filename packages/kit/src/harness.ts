// Starts a step's service processes for tests: ephemeral ports, a fresh temp data folder per run,
// and a clean stop. Each service is a real process speaking real HTTP on loopback.
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ServiceSpec {
  name: string;
  /** The service's entry file, run with tsx. */
  entry: string;
  cwd: string;
  env?: Record<string, string>;
}

export interface RunningProcess {
  name: string;
  port: number;
  url: string;
  /** The logs it wrote so far (stdout and stderr), for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

export function freshDataDir(prefix = "shop-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startProcess(spec: ServiceSpec, { startTimeoutMs = 20_000 } = {}): Promise<RunningProcess> {
  const child = fork(spec.entry, [], {
    cwd: spec.cwd,
    execArgv: ["--import", "tsx"],
    env: { ...process.env, PORT: "0", SHOP_CHAOS: "1", LOG_LEVEL: process.env.LOG_LEVEL ?? "warn", ...spec.env },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${spec.name} did not start within ${startTimeoutMs} ms:\n${output}`)), startTimeoutMs);
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
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
