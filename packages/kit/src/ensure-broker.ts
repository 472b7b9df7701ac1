// Steps 03 and 04 need RabbitMQ. When none answers on the local default address, start one
// (Docker where it runs, else an installed rabbitmq-server), wait for its port, and say how to
// stop it. A broker that already answers, or one elsewhere, is left alone.
import { accessSync, constants, existsSync } from "node:fs";
import { connect } from "node:net";
import { delimiter, join } from "node:path";
import { acceptsConnections, amqpHosts, brokerAddress, howToStartRabbitMq } from "./rabbitmq.ts";
import { runBounded, type Bounded, type BoundedOptions } from "./run-bounded.ts";

/** Everything ensureBroker does to the machine, replaceable in tests. */
export interface BrokerSeams {
  /** Does a broker answer at host:port? */
  probe(host: string, port: number): Promise<boolean>;
  /** Does anything accept TCP connections at host:port (a broker that is busy or starting)? */
  listens(host: string, port: number): Promise<boolean>;
  /** The path of an installed command, or undefined. */
  which(command: string): string | undefined;
  run(command: string, args: string[], options: BoundedOptions): Promise<Bounded>;
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface EnsureBrokerOptions {
  /** Default: AMQP_URL, else amqp://guest:guest@127.0.0.1:5672. */
  amqpUrl?: string;
  /** Where docker-compose.yml is: the repository root. */
  root?: string;
  /** How long to wait for the port once the start command returned (default 60 s). */
  timeoutMs?: number;
  /** How long the start command may take: Docker downloads the image the first time (300 s). */
  commandTimeoutMs?: number;
  log?: (line: string) => void;
  seams?: Partial<BrokerSeams>;
  /** A cluster's nodes (default: AMQP_HOSTS): one that answers is enough; none is ever started. */
  hosts?: string[];
  /** Tests only: also start a broker for a local URL on a port other than 5672. */
  anyLocalPort?: boolean;
}

export type BrokerStarterName = "docker" | "rabbitmq-server";

export interface BrokerStarter {
  by: BrokerStarterName;
  /** As a person would type it, e.g. "rabbitmq-server -detached". */
  command: string;
  path: string;
  args: string[];
  stop: string;
}

export type BrokerPlan =
  | { action: "none"; host: string; port: number }
  | { action: "wait"; host: string; port: number }
  | { action: "start"; host: string; port: number; starters: BrokerStarter[] }
  | { action: "cannot"; host: string; port: number; why: CannotStart; message: string };

/** not-local: AMQP_URL names another broker, not ours to start; cluster: AMQP_HOSTS, none answers. */
export type CannotStart = "not-local" | "nothing-installed" | "cluster";

export interface BrokerReady {
  host: string;
  port: number;
  /** Set when this call started the broker. */
  started?: { by: BrokerStarterName; stop: string; seconds: number };
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
// Debian and Homebrew put rabbitmq-server in an sbin folder that is often not on a user's PATH.
const SBIN = ["/usr/sbin", "/usr/local/sbin", "/opt/homebrew/sbin"];
const REPO_ROOT = join(import.meta.dirname, "../../..");
const CHECK_MS = 10_000;
const POLL_MS = 500;

export const realBrokerSeams: BrokerSeams = {
  probe: amqpAnswers,
  listens: (host, port) => acceptsConnections({ host, port }),
  which,
  run: runBounded,
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** What ensureBroker would do on this machine, without starting anything (for `workshop doctor`). */
export async function planBroker(options: EnsureBrokerOptions = {}): Promise<BrokerPlan> {
  const seams = { ...realBrokerSeams, ...options.seams };
  const hosts = options.hosts ?? amqpHosts();
  if (hosts) return planCluster(seams, hosts);
  const { host, port } = brokerAddress(options.amqpUrl);
  if (await seams.probe(host, port)) return { action: "none", host, port };
  // Its port is taken: a broker that is busy or still starting. A second one would fight the
  // first for its node name and files (seen here: it left the running broker answering nothing).
  if (await seams.listens(host, port)) return { action: "wait", host, port };
  const message = howToStartRabbitMq(host, port);
  if (!LOCAL_HOSTS.has(host) || (port !== 5672 && !options.anyLocalPort)) {
    return { action: "cannot", host, port, why: "not-local", message };
  }
  const starters = await startersOn(seams, options.root ?? REPO_ROOT);
  if (starters.length === 0)
    return { action: "cannot", host, port, why: "nothing-installed", message };
  return { action: "start", host, port, starters };
}

export const START_CLUSTER =
  "Start it with `npm run cluster -- up`, or `docker compose --profile cluster up -d rabbit-1 rabbit-2 rabbit-3`.";

/** A cluster (AMQP_HOSTS) is not ours to start: any node that answers will do (its first one). */
async function planCluster(seams: BrokerSeams, hosts: string[]): Promise<BrokerPlan> {
  const nodes = hosts.map((h) => brokerAddress(`amqp://${h}`));
  for (const { host, port } of nodes) {
    if (await seams.probe(host, port)) return { action: "none", host, port };
  }
  const message = `No node of the cluster answers (AMQP_HOSTS: ${hosts.join(", ")}). ${START_CLUSTER}`;
  return { action: "cannot", ...nodes[0]!, why: "cluster", message };
}

/**
 * Resolves when a broker answers at the AMQP URL, starting one first if needed and possible;
 * rejects with what to do otherwise (today's message where nothing could be tried).
 */
export async function ensureBroker(options: EnsureBrokerOptions = {}): Promise<BrokerReady> {
  const plan = await planBroker(options);
  if (plan.action === "none") return { host: plan.host, port: plan.port };
  if (plan.action === "cannot") throw new Error(plan.message);
  const seams = { ...realBrokerSeams, ...options.seams };
  const { host, port } = plan;
  const log = options.log ?? console.log;
  const timeoutMs = options.timeoutMs ?? 60_000;
  if (plan.action === "wait") {
    if (await answersWithin(seams, host, port, timeoutMs)) return { host, port };
    throw new Error(
      `RabbitMQ: something listens on ${host}:${port} but has not answered as a broker for ` +
        `${timeoutMs / 1000} s. If it is a RabbitMQ that hangs, restart it ` +
        "(`rabbitmqctl stop`, then `rabbitmq-server -detached`, or `docker compose restart rabbitmq`).",
    );
  }
  const failures: string[] = [];
  for (const starter of plan.starters) {
    log(`RabbitMQ: nothing answers on ${host}:${port}; starting one with \`${starter.command}\` …`);
    const started = seams.now();
    const cwd = options.root ?? REPO_ROOT;
    const commandTimeoutMs = options.commandTimeoutMs ?? 300_000;
    // shown: the first `docker compose up` downloads the image, which takes a while
    const run = await seams.run(starter.path, starter.args, {
      cwd,
      timeoutMs: commandTimeoutMs,
      show: true,
    });
    if (run.code !== 0) {
      const why = run.timedOut ? `did not finish within ${commandTimeoutMs / 1000} s` : failed(run);
      failures.push(`RabbitMQ: \`${starter.command}\` ${why}.`);
      log(failures.at(-1)!);
      continue;
    }
    if (await answersWithin(seams, host, port, timeoutMs)) {
      const seconds = Math.round((seams.now() - started) / 100) / 10;
      log(
        `RabbitMQ: started with \`${starter.command}\` in ${seconds} s. ` +
          `It keeps running; stop it with \`${starter.stop}\`.`,
      );
      return { host, port, started: { by: starter.by, stop: starter.stop, seconds } };
    }
    throw new Error(
      `RabbitMQ: \`${starter.command}\` ran, but nothing answered on ${host}:${port} ` +
        `within ${timeoutMs / 1000} s. It may still be starting (stop it with \`${starter.stop}\`).`,
    );
  }
  throw new Error([...failures, howToStartRabbitMq(host, port)].join("\n"));
}

/** Docker first (it needs no local install), where its daemon and compose plugin answer. */
async function startersOn(seams: BrokerSeams, root: string): Promise<BrokerStarter[]> {
  const starters: BrokerStarter[] = [];
  const docker = seams.which("docker");
  if (docker && existsSync(join(root, "docker-compose.yml"))) {
    const works = async (...args: string[]) =>
      (await seams.run(docker, args, { cwd: root, timeoutMs: CHECK_MS })).code === 0;
    // the client alone is not enough: its compose plugin and its daemon must answer too
    if ((await works("compose", "version")) && (await works("info"))) {
      const command = "docker compose up -d rabbitmq";
      const args = ["compose", "up", "-d", "rabbitmq"];
      starters.push({
        by: "docker",
        command,
        path: docker,
        args,
        stop: "docker compose stop rabbitmq",
      });
    }
  }
  const server = seams.which("rabbitmq-server");
  if (server) {
    const command = "rabbitmq-server -detached";
    const stop = "rabbitmqctl stop";
    starters.push({ by: "rabbitmq-server", command, path: server, args: ["-detached"], stop });
  }
  return starters;
}

// Not `rabbitmq-diagnostics ping`: it answers before the AMQP port opens. The port itself decides.
async function answersWithin(seams: BrokerSeams, host: string, port: number, timeoutMs: number) {
  const deadline = seams.now() + timeoutMs;
  for (;;) {
    if (await seams.probe(host, port)) return true;
    if (seams.now() >= deadline) return false;
    await seams.sleep(POLL_MS);
  }
}

/**
 * True when the AMQP handshake starts (the server's first frame arrives), not just on a TCP
 * connect: Docker's port forwarder accepts connections before RabbitMQ inside is ready.
 */
export function amqpAnswers(host: string, port: number, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (answers: boolean) => {
      socket.destroy();
      resolve(answers);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write(Buffer.from([0x41, 0x4d, 0x51, 0x50, 0, 0, 9, 1])));
    socket.once("data", (chunk) => done(chunk[0] === 1)); // 1: a method frame, Connection.Start
    socket.once("end", () => done(false));
  });
}

function which(command: string): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(delimiter).filter(Boolean), ...SBIN];
  for (const dir of dirs) {
    const path = join(dir, command);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

function failed(run: Bounded): string {
  const last = run.output.trim().split("\n").at(-1);
  return `failed (exit code ${run.code}${last ? `: ${last}` : ""})`;
}
