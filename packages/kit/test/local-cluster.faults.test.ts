// The local cluster as the demos use it: three real RabbitMQ nodes, a quorum queue on all three,
// the node that leads it killed under a client that knows every host, the node brought back, and
// nothing left afterwards; the default broker on 5672 untouched throughout.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { Connection } from "rabbitmq-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { amqpAnswers } from "../src/ensure-broker.ts";
import { eventually } from "../src/eventually.ts";
import {
  canRunLocalCluster,
  clusterRecord,
  rabbitmqctl,
  startLocalCluster,
  type LocalCluster,
} from "../src/local-cluster.ts";

const QUEUE = "faults.orders";
const MESSAGES = 10;
const QUORUM = { "x-queue-type": "quorum" } as const;

let cluster: LocalCluster;
let defaultBroker: BrokerIdentity;
let leaderIndex = -1;

beforeAll(async () => {
  if (!canRunLocalCluster()) {
    throw new Error("This suite runs real RabbitMQ nodes: install rabbitmq-server first.");
  }
  defaultBroker = await brokerOn(5672);
  const started = performance.now();
  cluster = await startLocalCluster();
  console.log(`local cluster: 3 nodes up in ${since(started)} s (${cluster.hosts.join(", ")})`);
});

afterAll(async () => {
  await cluster?.stop();
});

describe("a local three-node cluster", () => {
  it("runs three nodes that count each other as running", async () => {
    const status = await clusterStatus(0);
    expect(status.running_nodes.sort()).toEqual(names());
  });

  it("gives a quorum queue declared by a client a member on every node", async () => {
    const connection = new Connection({ url: cluster.url, hosts: cluster.hosts });
    try {
      await connection.queueDeclare({ queue: QUEUE, durable: true, arguments: QUORUM });
    } finally {
      await connection.close();
    }
    const queue = await queueInfo();
    expect(queue.type).toBe("quorum");
    expect(queue.members.sort()).toEqual(names());
    expect(queue.online.sort()).toEqual(names());
  });

  it("moves a client that knows every host on when the queue's leader goes away", async () => {
    await publish(MESSAGES);
    const leader = await cluster.leaderOf(QUEUE);
    leaderIndex = cluster.nodes.findIndex((node) => node.name === leader);
    expect(leaderIndex).toBeGreaterThanOrEqual(0);
    // rabbitmq-client tries its hosts in turn: the leader's node first, so that the kill cuts
    // this very connection, then the next
    const hosts = [...cluster.hosts.slice(leaderIndex), ...cluster.hosts.slice(0, leaderIndex)];
    const client = new Connection({ url: cluster.url, hosts, connectionName: "faults-client" });
    const lost: unknown[] = [];
    client.on("error", (error) => lost.push(error)); // the cut connection, expected
    await new Promise((resolve) => client.once("connection", resolve));
    expect(await clientPorts()).toEqual([cluster.nodes[leaderIndex]!.amqpPort]);

    const killed = performance.now();
    const reconnected = new Promise<number>((resolve) =>
      client.once("connection", () => resolve(performance.now())),
    );
    await cluster.stopNode(leaderIndex);
    const gone = performance.now();
    const received = new Set<string>();
    // declared as at first (the consumer declares its queue on every connection)
    const queueOptions = { durable: true, arguments: QUORUM };
    const consumer = client.createConsumer({ queue: QUEUE, queueOptions }, (msg) => {
      received.add(String(msg.body));
    });
    consumer.on("error", (error) => lost.push(error)); // a consume before the new leader, retried
    try {
      await eventually(() => expect(received.size).toBe(MESSAGES), { timeout: 60_000 });
      const consumed = performance.now();
      const back = await reconnected;
      const after = (end: number) => `${((end - killed) / 1000).toFixed(2)} s`;
      console.log(
        `local cluster: leader ${leader} killed; after ${after(gone)} its ports were closed, ` +
          `after ${after(back)} the client was connected to another node, ` +
          `after ${after(consumed)} all ${MESSAGES} messages were consumed`,
      );
      expect(await clientPorts()).not.toContain(cluster.nodes[leaderIndex]!.amqpPort);
      expect(lost.length).toBeGreaterThan(0);
      const newLeader = await cluster.leaderOf(QUEUE);
      expect(newLeader).toBeDefined();
      expect(newLeader).not.toBe(leader);
    } finally {
      await consumer.close();
      await client.close();
    }
  });

  it("takes the stopped node back into the cluster, its replica with it", async () => {
    expect(leaderIndex).toBeGreaterThanOrEqual(0);
    const started = performance.now();
    await cluster.startNode(leaderIndex);
    console.log(`local cluster: ${cluster.nodes[leaderIndex]!.name} back in ${since(started)} s`);
    expect((await clusterStatus(leaderIndex)).running_nodes.sort()).toEqual(names());
    expect((await clusterStatus(0)).running_nodes.sort()).toEqual(names());
    // its quorum member rejoins a moment after the node itself
    await eventually(async () => expect((await queueInfo()).online.sort()).toEqual(names()), {
      timeout: 30_000,
      interval: 500,
    });
  });

  it("stops every node, removes its folder, and leaves the default broker as it was", async () => {
    const vms = clusterRecord(cluster).pidFiles.map(readPid);
    expect(vms.every((pid) => pid !== undefined)).toBe(true);
    await cluster.stop();
    await cluster.stop(); // twice is fine
    expect(vms.filter((pid) => pid !== undefined && alive(pid))).toEqual([]);
    // each node's VM runs with -home <the cluster's folder>
    expect(processesMentioning(cluster.dir)).toEqual([]);
    expect(existsSync(cluster.dir)).toBe(false);
    expect(await brokerOn(5672)).toEqual(defaultBroker);
  });
});

function names(): string[] {
  return cluster.nodes.map((node) => node.name).sort();
}

async function clusterStatus(index: number): Promise<{ running_nodes: string[] }> {
  const args = ["cluster_status", "-q", "--formatter", "json"];
  return JSON.parse(await rabbitmqctl(cluster, index, args)) as { running_nodes: string[] };
}

interface QueueInfo {
  name: string;
  type: string;
  members: string[];
  online: string[];
}

async function queueInfo(): Promise<QueueInfo> {
  const index = cluster.nodes.findIndex((_, i) => i !== leaderIndex); // one that runs
  const args = ["list_queues", "-q", "name", "type", "members", "online", "--formatter", "json"];
  const queues = JSON.parse(await rabbitmqctl(cluster, index, args)) as QueueInfo[];
  const queue = queues.find((row) => row.name === QUEUE);
  if (!queue) throw new Error(`no queue ${QUEUE}: ${JSON.stringify(queues)}`);
  return queue;
}

/** The AMQP ports (so the nodes) that the connection named faults-client is connected to. */
async function clientPorts(): Promise<number[]> {
  const index = cluster.nodes.findIndex((_, i) => i !== leaderIndex);
  const args = ["list_connections", "-q", "client_properties", "port", "--formatter", "json"];
  const rows = JSON.parse(await rabbitmqctl(cluster, index, args)) as Array<{
    client_properties: unknown;
    port: number;
  }>;
  return rows
    .filter((row) => JSON.stringify(row.client_properties).includes("faults-client"))
    .map((row) => row.port);
}

async function publish(count: number): Promise<void> {
  const connection = new Connection({ url: cluster.url, hosts: cluster.hosts });
  const publisher = connection.createPublisher({ confirm: true });
  try {
    for (let i = 1; i <= count; i++) {
      await publisher.send({ routingKey: QUEUE, durable: true }, `order-${i}`);
    }
  } finally {
    await publisher.close();
    await connection.close();
  }
}

interface BrokerIdentity {
  answers: boolean;
  /** The process that listens on the port and when it started, where ss may name it. */
  holder?: string;
}

async function brokerOn(port: number): Promise<BrokerIdentity> {
  const ss = spawnSync("ss", ["-Hltnp", `sport = :${port}`], { encoding: "utf8" });
  const pid = ss.stdout?.match(/pid=(\d+)/)?.[1];
  // the 22nd field of /proc/<pid>/stat: when it started, so a restart under the same pid shows
  const stat = pid && existsSync(`/proc/${pid}/stat`) && readFileSync(`/proc/${pid}/stat`, "utf8");
  const startedAt = stat ? stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] : undefined;
  const holder = pid ? `pid ${pid}, started at ${startedAt}` : undefined;
  return { answers: await amqpAnswers("127.0.0.1", port), holder };
}

function readPid(path: string): number | undefined {
  return existsSync(path) ? Number(readFileSync(path, "utf8").trim()) : undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function processesMentioning(text: string): string[] {
  const ps = spawnSync("ps", ["-eo", "pid,args"], { encoding: "utf8" });
  return ps.stdout.split("\n").filter((line) => line.includes(text));
}

function since(start: number): string {
  return ((performance.now() - start) / 1000).toFixed(1);
}
