#!/usr/bin/env node
// `npm run cluster -- up|down|status|stop N|start N`: three local RabbitMQ nodes in one cluster,
// for the demos of steps 03 and 04 with a node going away (see ../src/local-cluster.ts). `up`
// leaves them running, recorded in .workshop/cluster.json at the repository root, until `down`;
// `stop 1` takes node 1 away (as if its machine went), `start 1` brings it back.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();
const kit = await import("../src/local-cluster.ts");
const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const recordFile = join(root, ".workshop", "cluster.json");
const shown = relative(process.cwd(), recordFile) || recordFile;

const commands = { up, down, status, stop: stopNode, start: startNode };
const command = commands[process.argv[2] ?? ""];
if (!command) {
  console.error("Usage: npm run cluster -- up|down|status|stop N|start N");
  process.exit(2);
}
try {
  await command();
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
}

async function up() {
  const recorded = readRecord();
  if (recorded) {
    console.error(`A cluster is recorded in ${shown} already (${recorded.hosts.join(", ")}).`);
    console.error("`npm run cluster -- status` says whether it runs, `-- down` stops it.");
    process.exitCode = 1;
    return;
  }
  if (!kit.canRunLocalCluster()) {
    throw new Error("rabbitmq-server is not installed (Debian: apt-get install rabbitmq-server).");
  }
  const cluster = await kit.startLocalCluster({ keepRunning: true, log: console.log });
  mkdirSync(dirname(recordFile), { recursive: true });
  writeFileSync(recordFile, `${JSON.stringify(kit.clusterRecord(cluster), null, 2)}\n`);
  console.log(`\nRecorded in ${shown}, data in ${cluster.dir}. Run a step against it:\n`);
  console.log(`  AMQP_URL=${cluster.url} AMQP_HOSTS=${cluster.hosts.join(",")} npm start -- 03\n`);
  console.log("No management UI: no plugins, so that nothing clashes with the broker on 5672.");
  console.log("Stop it with `npm run cluster -- down`.");
}

async function down() {
  const record = readRecord();
  if (!record) {
    console.log(`No local cluster recorded (${shown}).`);
    return;
  }
  await kit.localClusterAt(record).stop();
  rmSync(recordFile, { force: true });
  if (readdirSync(dirname(recordFile)).length === 0)
    rmSync(dirname(recordFile), { recursive: true });
  console.log(`Local cluster stopped; ${record.dir} and ${shown} removed.`);
}

async function status() {
  const record = readRecord();
  if (!record) {
    console.log(`No local cluster recorded (${shown}): \`npm run cluster -- up\` starts one.`);
    return;
  }
  const running = await Promise.all(record.nodes.map((_, i) => kit.nodeIsRunning(record, i)));
  record.nodes.forEach((node, i) => {
    console.log(`${node.name}  ${node.host}  ${running[i] ? "running" : "not running"}`);
  });
  if (!running.every(Boolean)) process.exitCode = 1;
}

/** `stop 2`: node 2 of the recorded cluster, as a 0-based index. */
function nodeArgument(record) {
  const n = Number(process.argv[3]);
  if (!Number.isInteger(n) || n < 1 || n > record.nodes.length)
    throw new Error(
      `Which node? 1 to ${record.nodes.length}, as in \`npm run cluster -- stop 1\`.`,
    );
  return n - 1;
}

async function stopNode() {
  const record = readRecord();
  if (!record) throw new Error(`No local cluster recorded (${shown}).`);
  const i = nodeArgument(record);
  await kit.localClusterAt(record).stopNode(i);
  console.log(`${record.nodes[i].name} (${record.nodes[i].host}) stopped.`);
}

async function startNode() {
  const record = readRecord();
  if (!record) throw new Error(`No local cluster recorded (${shown}).`);
  const i = nodeArgument(record);
  const running = await Promise.all(record.nodes.map((_, k) => kit.nodeIsRunning(record, k)));
  if (running[i]) {
    console.log(`${record.nodes[i].name} (${record.nodes[i].host}) is running already.`);
    return;
  }
  await kit.localClusterAt(record, running).startNode(i);
  console.log(`${record.nodes[i].name} (${record.nodes[i].host}) running, back in the cluster.`);
}

function readRecord() {
  if (!existsSync(recordFile)) return undefined;
  return JSON.parse(readFileSync(recordFile, "utf8"));
}
