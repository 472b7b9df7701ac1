// The catalog service: products and prices, on port 3001. It publishes every change, and a
// snapshot of all products at start-up and whenever a copy asks for one.
import { assertBrokerReachable, closeOnSignals, createLogger, listen, serviceApp } from "@shop/kit";
import { connectBroker } from "../../../messaging/broker.ts";
import { messagingFaults, messagingRoutes } from "../../../messaging/faults.ts";
import { causedBy } from "../../../messaging/envelope.ts";
import { startRelay } from "../../../messaging/outbox.ts";
import { relayLease } from "../../../messaging/relay-lease.ts";
import { inTransaction, openDatabase } from "../prisma/client.ts";
import { seedCatalog } from "./db/seed.ts";
import { catalogRoutes } from "./http/routes.ts";
import { addSnapshotToOutbox } from "./messaging/events.ts";

await assertBrokerReachable();
const logger = createLogger("catalog");
const db = openDatabase(process.env.DATA_DIR ?? "data/catalog");
if ((await db.product.count()) === 0) await seedCatalog(db);

const workshop = messagingFaults(); // the fault switches and counters
const broker = await connectBroker("catalog", logger, workshop.broker);
// one relay at a time per database, however many instances run (--scale)
const relay = startRelay(db, broker, logger, { ...workshop.relay, lease: relayLease(db) });
await inTransaction(db, (tx) => addSnapshotToOutbox(tx, { correlationId: "catalog-start-up" }));
await broker.consume("catalog.snapshot-requested", (request) =>
  inTransaction(db, (tx) => addSnapshotToOutbox(tx, causedBy(request))),
);

const server = await listen(
  serviceApp("catalog", logger, [catalogRoutes(db, relay), messagingRoutes()]),
  Number(process.env.PORT ?? 3001),
);
logger.info({ url: server.url }, "catalog listening");
closeOnSignals(async () => {
  await server.close();
  await relay.stop();
  await broker.close();
  await db.$disconnect();
});
