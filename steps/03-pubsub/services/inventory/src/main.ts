// The inventory service: stock and reservations, on port 3002. It reserves stock when an order
// is placed, releases it when the payment is declined or the order cancelled, and publishes
// every stock level change.
import { assertBrokerReachable, closeOnSignals, createLogger, listen, serviceApp } from "@shop/kit";
import { connectBroker } from "../../../messaging/broker.ts";
import { messagingFaults, messagingRoutes } from "../../../messaging/faults.ts";
import { startRelay } from "../../../messaging/outbox.ts";
import { relayLease } from "../../../messaging/relay-lease.ts";
import { inTransaction, openDatabase } from "../prisma/client.ts";
import { seedInventory } from "./db/seed.ts";
import { inventoryRoutes } from "./http/routes.ts";
import { addSnapshotToOutbox } from "./messaging/events.ts";
import { inventoryHandlers } from "./messaging/handlers.ts";

await assertBrokerReachable();
const logger = createLogger("inventory");
const db = openDatabase(process.env.DATA_DIR ?? "data/inventory");
if ((await db.stock.count()) === 0) await seedInventory(db);

const workshop = messagingFaults(); // the fault switches and counters
const broker = await connectBroker("inventory", logger, workshop.broker);
// one relay at a time per database, however many instances run (--scale)
const relay = startRelay(db, broker, logger, { ...workshop.relay, lease: relayLease(db) });
const handlers = inventoryHandlers(db);
await inTransaction(db, (tx) => addSnapshotToOutbox(tx, { correlationId: "inventory-start-up" }));
await broker.consume("inventory.order-placed", handlers.orderPlaced);
await broker.consume("inventory.payment-declined", handlers.release("inventory.payment-declined"));
await broker.consume("inventory.order-cancelled", handlers.release("inventory.order-cancelled"));
await broker.consume("inventory.snapshot-requested", handlers.snapshotRequested);

const server = await listen(
  serviceApp("inventory", logger, [inventoryRoutes(db, relay), messagingRoutes()]),
  Number(process.env.PORT ?? 3002),
);
logger.info({ url: server.url }, "inventory listening");
closeOnSignals(async () => {
  await server.close();
  await relay.stop();
  await broker.close();
  await db.$disconnect();
});
