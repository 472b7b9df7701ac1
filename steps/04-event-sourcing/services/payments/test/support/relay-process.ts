// One payments instance's outbox relay, alone in its own process, for relayLease.test.ts:
// `relay-process.ts <dataDir> <holder> [link-down]`. SIGTERM stops it as a service stops.
import { connectBroker, type Broker } from "../../../../messaging/broker.ts";
import { startRelay } from "../../../../messaging/outbox.ts";
import { relayLease } from "../../../../messaging/relay-lease.ts";
import { quiet } from "../../../../test/support/broker.ts";
import { openDatabase } from "../../prisma/client.ts";

const [dataDir, holder, linkDown] = process.argv.slice(2);
const db = openDatabase(dataDir!);
const broker = await connectBroker(holder!, quiet);
const failing = async () => {
  throw new Error("no confirm from the broker (failing on purpose)");
};
const via: Broker = linkDown === "link-down" ? { ...broker, publish: failing } : broker;
const relay = startRelay(db, via, quiet, { pollMs: 20, lease: relayLease(db, holder) });
process.once("SIGTERM", async () => {
  await relay.stop();
  await broker.close();
  await db.$disconnect();
  process.exit(0);
});
process.send!("ready");
