// The orders service, on port 3003, event-sourced: every order is a stream of events in its own
// database. Read models and the broker both follow the store from their checkpoints, each in its
// own loop (PROJECTIONS=inline: a write waits for the read models).
import { assertBrokerReachable, closeOnSignals, createLogger, listen, serviceApp } from "@shop/kit";
import { connectBroker } from "../../../messaging/broker.ts";
import { messagingFaults, messagingRoutes } from "../../../messaging/faults.ts";
import { openEventStore } from "../prisma/client.ts";
import { ordersRoutes } from "./http/routes.ts";
import { catalogSnapshotRequested } from "./messaging/events.ts";
import { startForwarder } from "./messaging/forwarder.ts";
import { ordersHandlers } from "./messaging/handlers.ts";
import { StatusFeed } from "./messaging/status-feed.ts";
import { catchUpAll } from "./projections/index.ts";
import { projectionMode, startProjections } from "./projections/runner.ts";
import { projectionRoutes, projectionsPaused } from "./projections/workshop.ts";
import { startStuckOrderSweeper } from "./stuck-orders.ts";

const mode = projectionMode(); // a wrong PROJECTIONS stops orders before it connects anywhere
await assertBrokerReachable();
const logger = createLogger("orders");
const db = await openEventStore(process.env.DATA_DIR ?? "data/orders"); // every commit synced to disk
const feed = new StatusFeed();

const workshop = messagingFaults(); // the fault switches and counters
const broker = await connectBroker("orders", logger, workshop.broker);
const forwarder = startForwarder(db, broker, logger, workshop.relay);
await catchUpAll(db); // whatever the last run left: the list is whole before the first request
const projections = startProjections(db, broker, logger, mode, { paused: projectionsPaused });
const afterChange = async () => {
  await projections.afterWrite();
  forwarder.kick();
};
const handlers = ordersHandlers(db, feed, afterChange);
await broker.consume("orders.product-changed", handlers.productChanged);
await broker.consume("orders.order-outcomes", handlers.outcome);
// Catch up: whatever the catalog published before this queue existed comes again as a snapshot.
await broker.publish(catalogSnapshotRequested());

// A shopper waits a second for the outcome; a minute means an event was lost or parked.
const sweeper = startStuckOrderSweeper(db, logger, Number(process.env.STUCK_AFTER_MS ?? 60_000));

const routes = [
  ordersRoutes(db, feed, afterChange),
  messagingRoutes(),
  projectionRoutes(db, mode),
  sweeper.routes,
];
const server = await listen(serviceApp("orders", logger, routes), Number(process.env.PORT ?? 3003));
logger.info({ url: server.url, projections: mode }, "orders listening");
closeOnSignals(async () => {
  await server.close();
  sweeper.stop();
  await projections.stop();
  await forwarder.stop();
  await broker.close();
  await db.$disconnect();
});
