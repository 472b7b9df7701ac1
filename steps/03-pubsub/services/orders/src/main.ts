// The orders service, on port 3003. It accepts orders on its own, from its copy of the catalog,
// and follows the other services' events to confirm or reject them.
import { assertBrokerReachable, closeOnSignals, createLogger, listen, serviceApp } from "@shop/kit";
import { connectBroker } from "../../../messaging/broker.ts";
import { messagingFaults, messagingRoutes } from "../../../messaging/faults.ts";
import { addToOutbox, startRelay } from "../../../messaging/outbox.ts";
import { relayLease } from "../../../messaging/relay-lease.ts";
import { inTransaction, openDatabase } from "../prisma/client.ts";
import { ordersRoutes } from "./http/routes.ts";
import { catalogSnapshotRequested } from "./messaging/events.ts";
import { ordersHandlers } from "./messaging/handlers.ts";
import { StatusFeed } from "./messaging/status-feed.ts";
import { startStuckOrderSweeper } from "./stuck-orders.ts";

await assertBrokerReachable();
const logger = createLogger("orders");
const db = openDatabase(process.env.DATA_DIR ?? "data/orders");
const feed = new StatusFeed();

const workshop = messagingFaults(); // the fault switches and counters
const broker = await connectBroker("orders", logger, workshop.broker);
// one relay at a time per database, however many instances run (--scale)
const relay = startRelay(db, broker, logger, { ...workshop.relay, lease: relayLease(db) });
const handlers = ordersHandlers(db, feed);
await broker.consume("orders.product-changed", handlers.productChanged);
await broker.consume("orders.order-outcomes", handlers.outcome);
// Catch up: whatever the catalog published before this queue existed comes again as a snapshot.
await inTransaction(db, (tx) =>
  addToOutbox(tx, catalogSnapshotRequested({ correlationId: "orders-start-up" })),
);

// A shopper waits a second for the outcome; a minute means an event was lost or parked.
const sweeper = startStuckOrderSweeper(db, logger, Number(process.env.STUCK_AFTER_MS ?? 60_000));

const routes = [ordersRoutes(db, relay, feed), messagingRoutes(), sweeper.routes];
const server = await listen(serviceApp("orders", logger, routes), Number(process.env.PORT ?? 3003));
logger.info({ url: server.url }, "orders listening");
closeOnSignals(async () => {
  await server.close();
  sweeper.stop();
  await relay.stop();
  await broker.close();
  await db.$disconnect();
});
