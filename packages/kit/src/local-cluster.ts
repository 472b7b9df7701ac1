// A three-node RabbitMQ cluster on this machine, without Docker: for tests and demos of what a
// quorum queue and a client with several hosts do when a node goes away. Each node is the
// installed rabbitmq-server with a name, ports, config, data folder and Erlang cookie of its own;
// the default broker (rabbit@localhost on 5672) is neither used nor touched.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { eventually } from "./eventually.ts";
import { portIsFree } from "./port-holder.ts";
import { acceptsConnections } from "./rabbitmq.ts";
import { runBounded } from "./run-bounded.ts";

export interface ClusterNode {
  name: string;
  amqpPort: number;
  distPort: number;
  /** "127.0.0.1:5701" */
  host: string;
}

export interface LocalCluster {
  nodes: ClusterNode[];
  /** "127.0.0.1:port" each, for rabbitmq-client's `hosts`. */
  hosts: string[];
  /** amqp://guest:guest@127.0.0.1:<first node's port> */
  url: string;
  /** The cluster's own data folder. */
  dir: string;
  /** Kills the whole node (as if its machine went away); resolves once its ports are closed. */
  stopNode(index: number): Promise<void>;
  /** The same node back, same data; resolves once it runs and is back in the cluster. */
  startNode(index: number): Promise<void>;
  /** The name of the node that leads the quorum queue `queue` (vhost "/"), if any. */
  leaderOf(queue: string): Promise<string | undefined>;
  /** Every node stopped, the data folder removed. Safe to call again. */
  stop(): Promise<void>;
}

export interface LocalClusterOptions {
  /** The data folder: created, must be empty, removed by stop(). Default: a new one in /tmp. */
  dir?: string;
  /** The nodes' AMQP ports are basePort..+2, their distribution ports 20000 above. Default: the
   * first free block of 5701, 5711, 5721... */
  basePort?: number;
  log?: (line: string) => void;
  /** Leave the nodes running when this process ends (the CLI's `up`). Default: they end with it. */
  keepRunning?: boolean;
}

/** What the CLI's `up` writes to .workshop/cluster.json, for `down` and `status`. */
export interface ClusterRecord {
  nodes: ClusterNode[];
  hosts: string[];
  url: string;
  dir: string;
  /** Each node's RabbitMQ pid file (the Erlang VM's process id). */
  pidFiles: string[];
}

const FIRST_BASE = 5701;
const BLOCKS = 30; // 5701, 5711 ... 5991: room for a few test runs side by side
// 6701-6993: outside the range test ports come from (20000-32000) and the ephemeral range
const DIST_OFFSET = 1_000;
const NOT_OURS = new Set([4369, 5672, 15672, 25672]); // epmd's and the default broker's
const WAIT_MS = 60_000;
const POLL_MS = 200;
const CTL_MS = 30_000;
const QUEUE_LEADERS = "list_queues -q -p / name type leader --formatter json".split(" ");
// Debian's /usr/sbin/rabbitmq-server and rabbitmqctl switch to the rabbitmq user with `su`, which
// drops HOME (where the cluster's cookie is) and cannot write the folders of a root run: the
// real scripts are in /usr/lib/rabbitmq/bin. Homebrew's sbin folders hold the real ones.
const BIN_DIRS = ["/usr/lib/rabbitmq/bin", "/opt/homebrew/sbin", "/usr/local/sbin"];

/** rabbitmq-server is installed (and this is not Windows). */
export function canRunLocalCluster(): boolean {
  return rabbitmqBin() !== undefined;
}

export async function startLocalCluster(options: LocalClusterOptions = {}): Promise<LocalCluster> {
  const bin = rabbitmqBin();
  if (!bin) throw new Error("local cluster: rabbitmq-server is not installed");
  const started = Date.now();
  const id = randomBytes(3).toString("hex");
  const dir = options.dir ?? join(tmpdir(), `shop-local-cluster-${id}`);
  // stop() removes the folder: never one that holds something else
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(`local cluster: ${dir} is not empty`);
  }
  mkdirSync(dir, { recursive: true });
  const log = options.log ?? (() => {});
  let base: number;
  try {
    base = await claimPorts(dir, options.basePort);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const nodes = [0, 1, 2].map((i) => {
    const amqpPort = base + i;
    const name = `shop-c${i + 1}-${id}@localhost`;
    return { name, amqpPort, distPort: amqpPort + DIST_OFFSET, host: `127.0.0.1:${amqpPort}` };
  });
  const ctx: Context = { bin, dir, nodes, log };
  const runs = nodes.map(() => ({ running: false, exited: false }));
  const cluster = clusterOf(ctx, runs);
  try {
    writeClusterFiles(ctx);
    ctx.guard = startGuard(dir, claimFile(base));
    nodes.forEach((node, i) => {
      log(`local cluster: starting ${node.name} on ${node.host}`);
      spawnNode(ctx, i, runs[i]!);
    });
    await Promise.all(runs.map((run, i) => awaitUp(ctx, i, run)));
    // one at a time: two nodes that join at once may each miss the other
    for (const i of [1, 2]) {
      log(`local cluster: ${nodes[i]!.name} joins ${nodes[0]!.name}`);
      for (const step of [["stop_app"], ["join_cluster", nodes[0]!.name], ["start_app"]]) {
        await rabbitmqctl(ctx, i, step);
      }
      await awaitUp(ctx, i, runs[i]!);
    }
    runs.forEach((run) => (run.running = true));
    await awaitMembers(ctx, 0, runs);
  } catch (error) {
    await cluster.stop().catch(() => {}); // the first error says more
    throw error;
  }
  // the CLI's `up`: from here on the nodes outlive this process, until `down`
  if (options.keepRunning) disarm(ctx);
  log(`local cluster: 3 nodes running in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return cluster;
}

/** A cluster that another process started and left running (the CLI's `up`), from its record. */
export function localClusterAt(
  record: Pick<ClusterRecord, "dir" | "nodes">,
  running: boolean[] = record.nodes.map(() => true), // which nodes run now (nodeIsRunning)
): LocalCluster {
  const bin = rabbitmqBin();
  if (!bin) throw new Error("local cluster: rabbitmq-server is not installed");
  const runs = record.nodes.map((_, i) => ({ running: running[i] ?? true, exited: false }));
  return clusterOf({ bin, dir: record.dir, nodes: record.nodes, log: () => {} }, runs);
}

export function clusterRecord(cluster: LocalCluster): ClusterRecord {
  const { nodes, hosts, url, dir } = cluster;
  return { nodes, hosts, url, dir, pidFiles: nodes.map((_, i) => files(dir, i).pid) };
}

/** Its AMQP port is open and it answers `rabbitmqctl ping` with the cluster's cookie. */
export async function nodeIsRunning(
  cluster: Pick<LocalCluster, "dir" | "nodes">,
  index: number,
): Promise<boolean> {
  const node = nodeAt(cluster.nodes, index);
  if (!(await accepts(node.amqpPort))) return false;
  const bin = rabbitmqBin();
  if (!bin || !existsSync(cluster.dir)) return false;
  const ping = await cli({ bin, dir: cluster.dir }, "rabbitmqctl", node.name, ["ping"]);
  return ping.code === 0;
}

/** Runs rabbitmqctl (or rabbitmq-queues) on one node with the cluster's cookie: its output. */
export async function rabbitmqctl(
  cluster: Pick<LocalCluster, "dir" | "nodes">,
  index: number,
  args: string[],
  tool: "rabbitmqctl" | "rabbitmq-queues" = "rabbitmqctl",
): Promise<string> {
  const bin = rabbitmqBin();
  if (!bin) throw new Error("local cluster: rabbitmq-server is not installed");
  const node = nodeAt(cluster.nodes, index);
  const run = await cli({ bin, dir: cluster.dir }, tool, node.name, args);
  if (run.code === 0) return run.output;
  const why = run.timedOut ? `did not finish within ${CTL_MS / 1000} s` : `failed (${run.code})`;
  const said = run.output.trim().split("\n").slice(-6).join("\n");
  throw new Error(`local cluster: \`${tool} -n ${node.name} ${args.join(" ")}\` ${why}:\n${said}`);
}

interface Context {
  bin: string;
  dir: string;
  nodes: ClusterNode[];
  log: (line: string) => void;
  /** Kills the nodes if this process ends without stop(): see startGuard. */
  guard?: ChildProcess;
}

interface NodeRun {
  /** Started and (still) in the cluster, as far as this process knows. */
  running: boolean;
  /** The rabbitmq-server this process started for it has exited. */
  exited: boolean;
  child?: ChildProcess;
}

function clusterOf(ctx: Context, runs: NodeRun[]): LocalCluster {
  const { dir, nodes } = ctx;
  let stopping: Promise<void> | undefined;
  const stopNode = async (index: number) => {
    nodeAt(nodes, index);
    runs[index]!.running = false;
    killNode(dir, index);
    await awaitDown(ctx, index, runs[index]!);
  };
  return {
    nodes,
    hosts: nodes.map((node) => node.host),
    url: `amqp://guest:guest@${nodes[0]!.host}`,
    dir,
    stopNode,
    async startNode(index) {
      const run = runs[index];
      if (!run) throw new RangeError(`local cluster: no node ${index}`);
      if (run.running) return;
      ctx.log(`local cluster: starting ${nodes[index]!.name} again`);
      spawnNode(ctx, index, run);
      try {
        await awaitUp(ctx, index, run);
        run.running = true;
        await awaitMembers(ctx, index, runs);
      } catch (error) {
        await stopNode(index).catch(() => {});
        throw error;
      }
    },
    async leaderOf(queue) {
      const index = runs.findIndex((run) => run.running);
      if (index < 0) return undefined;
      const rows = json(await rabbitmqctl(ctx, index, QUEUE_LEADERS)) as QueueRow[];
      const leader = rows.find((row) => row.name === queue)?.leader;
      return typeof leader === "string" && leader.includes("@") ? leader : undefined;
    },
    stop: () => (stopping ??= stopAll(ctx, runs)),
  };
}

interface QueueRow {
  name: string;
  type?: string;
  leader?: unknown;
}

async function stopAll(ctx: Context, runs: NodeRun[]): Promise<void> {
  disarm(ctx);
  ctx.nodes.forEach((_, i) => {
    runs[i]!.running = false;
    killNode(ctx.dir, i);
  });
  const down = await Promise.allSettled(runs.map((run, i) => awaitDown(ctx, i, run)));
  rmSync(ctx.dir, { recursive: true, force: true });
  releaseClaim(ctx.nodes[0]!.amqpPort, ctx.dir);
  const failed = down.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  ctx.log(`local cluster: stopped, ${ctx.dir} removed`);
}

function nodeAt(nodes: ClusterNode[], index: number): ClusterNode {
  const node = nodes[index];
  if (!node) throw new RangeError(`local cluster: no node ${index} (there are ${nodes.length})`);
  return node;
}

function rabbitmqBin(): string | undefined {
  if (process.platform === "win32") return undefined;
  const path = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  return [...BIN_DIRS, ...path].find((dir) =>
    ["rabbitmq-server", "rabbitmqctl"].every((tool) => executable(join(dir, tool))),
  );
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function files(dir: string, index: number) {
  const root = join(dir, `n${index + 1}`);
  const logs = join(root, "log");
  return {
    root,
    logs,
    console: join(logs, "console.log"),
    config: join(root, "rabbitmq.conf"),
    advanced: join(root, "advanced.config"),
    plugins: join(root, "enabled_plugins"),
    /** RabbitMQ writes its Erlang VM's process id here. */
    pid: join(root, "rabbit.pid"),
    /** The process group of the rabbitmq-server this process started (the script and its VM). */
    group: join(root, "group.pid"),
  };
}

function writeClusterFiles(ctx: Context): void {
  // The cluster's own cookie, not the rabbitmq user's: its nodes and its CLI calls (HOME=dir)
  // can reach each other and nothing else, so no command meant for them can ever reach the
  // default broker; and a run needs no right to read /var/lib/rabbitmq. In a file, not
  // `-setcookie` on the command line, where every `ps` would show it.
  const cookie = join(ctx.dir, ".erlang.cookie");
  writeFileSync(cookie, randomBytes(24).toString("hex"), { mode: 0o400 });
  // empty: /etc/rabbitmq/rabbitmq-env.conf sets NODENAME=rabbit@localhost and more
  writeFileSync(join(ctx.dir, "rabbitmq-env.conf"), "# the nodes' settings are in their env\n");
  ctx.nodes.forEach((node, i) => {
    const f = files(ctx.dir, i);
    mkdirSync(f.logs, { recursive: true });
    // loopback only: guest may log in from there (RabbitMQ's default), and no one else sees it
    writeFileSync(f.config, `listeners.tcp.default = 127.0.0.1:${node.amqpPort}\n`);
    // no plugins: the management plugin alone would listen on 15672, the default broker's port
    writeFileSync(f.plugins, "[].\n");
    writeFileSync(f.advanced, ADVANCED_CONFIG);
  });
}

/**
 * A quorum queue's dead-letter worker (at-least-once) waits this long for a confirm before it
 * sends a message again; RabbitMQ's default is 3 min. The confirm for a message it sent to a
 * queue leader on a node that went away never comes: a retry would come back 3 min late.
 * docker/rabbitmq-cluster.advanced.config says the same to the Docker cluster.
 */
const ADVANCED_CONFIG = "[{rabbit, [{dead_letter_worker_publisher_confirm_timeout, 5000}]}].\n";

/** What rabbitmqctl needs to reach the cluster's nodes (and only those), minus this shell's own
 * RabbitMQ and Erlang settings. */
function cliEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("RABBITMQ_") && !key.startsWith("ERL_")) env[key] = value;
  }
  return {
    ...env,
    HOME: dir, // Erlang reads $HOME/.erlang.cookie
    RABBITMQ_CONF_ENV_FILE: join(dir, "rabbitmq-env.conf"),
    ERL_EPMD_ADDRESS: "127.0.0.1", // if a node has to start epmd: loopback only
  };
}

function serverEnv(dir: string, index: number, node: ClusterNode): NodeJS.ProcessEnv {
  const f = files(dir, index);
  return {
    ...cliEnv(dir),
    RABBITMQ_NODENAME: node.name,
    RABBITMQ_DIST_PORT: String(node.distPort),
    RABBITMQ_CONFIG_FILE: f.config,
    RABBITMQ_ADVANCED_CONFIG_FILE: f.advanced, // its own, not /etc/rabbitmq's
    // the base, not only the node's folder: the feature flags and plugin files go there too
    RABBITMQ_MNESIA_BASE: join(f.root, "mnesia"),
    RABBITMQ_LOG_BASE: f.logs,
    RABBITMQ_PID_FILE: f.pid,
    RABBITMQ_ENABLED_PLUGINS_FILE: f.plugins,
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: "-kernel inet_dist_use_interface {127,0,0,1}",
    ERL_CRASH_DUMP: join(f.logs, "erl_crash.dump"),
  };
}

function spawnNode(ctx: Context, index: number, run: NodeRun): void {
  const f = files(ctx.dir, index);
  const out = openSync(f.console, "a");
  let child: ChildProcess;
  try {
    child = spawn(join(ctx.bin, "rabbitmq-server"), [], {
      cwd: f.root,
      env: serverEnv(ctx.dir, index, nodeAt(ctx.nodes, index)),
      stdio: ["ignore", out, out],
      // a process group of its own: one kill ends the script and its VM, and a Ctrl-C in this
      // terminal reaches this process (whose end the guard sees), not the nodes half-way
      detached: true,
    });
  } finally {
    closeSync(out);
  }
  child.unref();
  run.child = child;
  run.exited = false;
  child.once("exit", () => (run.exited = true));
  child.once("error", () => (run.exited = true));
  if (child.pid !== undefined) writeFileSync(f.group, String(child.pid));
}

/**
 * Kills node `index` of the cluster in `dir`. SIGKILL, not `rabbitmqctl stop`: the node goes as
 * if its machine had. The VM alone when its id is known: its rabbitmq-server script then collects
 * it and exits (killed together, the VM would be left to init to collect, a `[beam.smp]
 * <defunct>` in ps until then). The whole group before RabbitMQ wrote its pid file.
 */
export function killNode(dir: string, index: number): void {
  const f = files(dir, index);
  // a pid file can outlive its process, and by now the pid be another program's: kill only
  // ours (a node and its script run with the cluster's folder as HOME)
  const vm = readPid(f.pid);
  const group = readPid(f.group);
  if (vm && commandOf(vm).includes(dir)) signal(vm);
  else if (group && commandOf(group).includes(dir)) signal(-group);
}

/** A process's command line and environment ("" when it is gone). */
function commandOf(pid: number): string {
  try {
    if (existsSync("/proc")) {
      const read = (what: string) => readFileSync(`/proc/${pid}/${what}`, "utf8");
      return `${read("cmdline")} ${read("environ")}`.replace(/\0/g, " ");
    }
    return execFileSync("ps", ["-E", "-p", String(pid), "-o", "command="], { encoding: "utf8" });
  } catch {
    return "";
  }
}

function signal(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // gone already
  }
}

function readPid(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, "utf8").trim());
    return Number.isInteger(pid) && pid > 1 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function awaitUp(ctx: Context, index: number, run: NodeRun): Promise<void> {
  const node = nodeAt(ctx.nodes, index);
  const deadline = Date.now() + WAIT_MS;
  const giveUpIf = () => (run.exited ? `${node.name} exited` : undefined);
  try {
    await eventually(
      async () => {
        if (!(await accepts(node.amqpPort))) throw new Error(`${node.host} accepts no connection`);
      },
      { timeout: WAIT_MS, interval: POLL_MS, giveUpIf },
    );
    const left = Math.max(1, Math.ceil((deadline - Date.now()) / 1000));
    await rabbitmqctl(ctx, index, ["await_startup", "--timeout", String(left)]);
  } catch (error) {
    throw withLogTail(ctx, index, error);
  }
}

/** Until the node at `index` counts every node this process believes running as running. */
async function awaitMembers(ctx: Context, index: number, runs: NodeRun[]): Promise<void> {
  const wanted = ctx.nodes.filter((_, i) => runs[i]!.running).map((node) => node.name);
  const args = ["cluster_status", "-q", "--formatter", "json"];
  try {
    await eventually(
      async () => {
        const status = json(await rabbitmqctl(ctx, index, args)) as { running_nodes?: string[] };
        const missing = wanted.filter((name) => !status.running_nodes?.includes(name));
        if (missing.length > 0)
          throw new Error(`not running in the cluster: ${missing.join(", ")}`);
      },
      { timeout: WAIT_MS, interval: POLL_MS * 5 },
    );
  } catch (error) {
    throw withLogTail(ctx, index, error);
  }
}

async function awaitDown(ctx: Context, index: number, run: NodeRun): Promise<void> {
  const node = nodeAt(ctx.nodes, index);
  const f = files(ctx.dir, index);
  const gone = async () => {
    if (run.child && !run.exited) throw new Error(`${node.name}: rabbitmq-server still runs`);
    for (const port of [node.amqpPort, node.distPort]) {
      if (await accepts(port)) throw new Error(`${node.name}: port ${port} still open`);
    }
  };
  try {
    await eventually(gone, { timeout: 5_000, interval: POLL_MS });
  } catch {
    const group = readPid(f.group); // the script did not end with its VM: end them all
    if (group) signal(-group);
    await eventually(gone, { timeout: WAIT_MS, interval: POLL_MS });
  }
  // gone for sure: a later kill must not hit another process that got the same id
  rmSync(f.group, { force: true });
  rmSync(f.pid, { force: true });
}

function cli(
  ctx: { bin: string; dir: string },
  tool: string,
  node: string,
  args: string[],
  timeoutMs = CTL_MS,
) {
  const options = { cwd: ctx.dir, env: cliEnv(ctx.dir), timeoutMs };
  return runBounded(join(ctx.bin, tool), ["-n", node, ...args], options);
}

function json(output: string): unknown {
  // the JSON formatter's output may still follow a warning line
  const start = output.search(/^[[{]/m);
  return JSON.parse(output.slice(Math.max(0, start)));
}

function withLogTail(ctx: Context, index: number, error: unknown): Error {
  const node = nodeAt(ctx.nodes, index);
  const f = files(ctx.dir, index);
  const tail = [join(f.logs, `${node.name}.log`), f.console]
    .filter((path) => existsSync(path))
    .map((path) => `--- ${path}, last lines:\n${lastLines(path, 15)}`);
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`local cluster: ${node.name}: ${reason}\n${tail.join("\n")}`, { cause: error });
}

function lastLines(path: string, count: number): string {
  return readFileSync(path, "utf8").trimEnd().split("\n").slice(-count).join("\n");
}

/** Does something accept TCP connections on 127.0.0.1:port? */
const accepts = (port: number, timeoutMs = 1_000) =>
  acceptsConnections({ host: "127.0.0.1", port }, timeoutMs);

// Two runs on one machine must not pick the same ports: free now is not enough, since a node
// binds them seconds later, and closes them while it is stopped. A claim file per block, naming
// the cluster's folder, holds the block until stop(); one whose folder is gone is stale.
async function claimPorts(dir: string, basePort?: number): Promise<number> {
  const bases = basePort !== undefined ? [basePort] : range(FIRST_BASE, BLOCKS);
  const refused: string[] = [];
  for (const base of bases) {
    const ports = [0, 1, 2].flatMap((i) => [base + i, base + i + DIST_OFFSET]);
    if (base < 1024 || base + 2 + DIST_OFFSET > 65_535 || ports.some((p) => NOT_OURS.has(p))) {
      refused.push(`${base}: not a port for a local cluster`);
    } else if (!claim(base, dir)) {
      refused.push(`${base}: claimed by ${readText(claimFile(base))}`);
    } else if (!(await allFree(ports))) {
      releaseClaim(base, dir);
      refused.push(`${base}: ${ports.join(", ")} not all free`);
    } else {
      return base;
    }
  }
  throw new Error(`local cluster: no free ports (${refused.join("; ")})`);
}

function range(first: number, blocks: number): number[] {
  return Array.from({ length: blocks }, (_, i) => first + i * 10);
}

async function allFree(ports: number[]): Promise<boolean> {
  for (const port of ports) if (!(await portIsFree(port))) return false;
  return true;
}

function claimFile(base: number): string {
  return join(tmpdir(), `shop-local-cluster-${base}.claim`);
}

function claim(base: number, dir: string, again = true): boolean {
  try {
    writeFileSync(claimFile(base), dir, { flag: "wx" });
    return true;
  } catch {
    const owner = readText(claimFile(base));
    if (owner && existsSync(owner)) return false;
    rmSync(claimFile(base), { force: true }); // its cluster is gone
    return again && claim(base, dir, false);
  }
}

function releaseClaim(base: number, dir: string): void {
  if (readText(claimFile(base)) === dir) rmSync(claimFile(base), { force: true });
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

// If this process ends without stop() (a crash, Ctrl-C, a SIGKILL, vitest ending its worker),
// the nodes must not outlive it. A shell reads its stdin, a pipe from this process, to the end,
// which comes when this process is gone, however it went; then it kills the nodes and removes
// their folder and claim (as killNode does; no `kill --`: dash refuses it). stop() kills the
// shell first.
const GUARD = `cat >/dev/null
for n in "$0"/n*; do
  if [ -f "$n/rabbit.pid" ]; then kill -9 "$(cat "$n/rabbit.pid")"
  elif [ -f "$n/group.pid" ]; then kill -9 "-$(cat "$n/group.pid")"; fi
done
rm -rf "$0" "$1"`;

function startGuard(dir: string, claim: string): ChildProcess {
  const guard = spawn("/bin/sh", ["-c", GUARD, dir, claim], {
    stdio: ["pipe", "ignore", "ignore"],
    detached: true, // its own group: the Ctrl-C that ends this process must not end it too
  });
  guard.unref();
  (guard.stdin as Socket | null)?.unref();
  return guard;
}

function disarm(ctx: Context): void {
  const guard = ctx.guard;
  ctx.guard = undefined;
  if (!guard?.pid) return;
  signal(-guard.pid); // the shell and its cat, before the end of stdin could set them off
  guard.stdin?.destroy();
}
