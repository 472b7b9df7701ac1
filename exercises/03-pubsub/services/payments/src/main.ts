// The payments service, on port 3004. Nobody calls it any more: it listens for events and
// publishes what it did. When it is down, its messages wait in its queues.
import { assertBrokerReachable, closeOnSignals, createLogger, listen, serviceApp } from "@shop/kit";
import { connectBroker } from "../../../messaging/broker.ts";
import { messagingFaults, messagingRoutes } from "../../../messaging/faults.ts";
import { startRelay } from "../../../messaging/outbox.ts";
import { relayLease } from "../../../messaging/relay-lease.ts";
import { openDatabase } from "../prisma/client.ts";
import { paymentsRoutes } from "./http/routes.ts";
import { paymentsHandlers } from "./messaging/handlers.ts";

await assertBrokerReachable();
const logger = createLogger("payments");
const db = openDatabase(process.env.DATA_DIR ?? "data/payments");

const workshop = messagingFaults(); // the fault switches and counters
const broker = await connectBroker("payments", logger, workshop.broker);
// one relay at a time per database, however many instances run (--scale)
const relay = startRelay(db, broker, logger, { ...workshop.relay, lease: relayLease(db) });
await broker.consume("payments.order-events", paymentsHandlers(db));

const server = await listen(
  serviceApp("payments", logger, [paymentsRoutes(db), messagingRoutes()]),
  Number(process.env.PORT ?? 3004),
);
logger.info({ url: server.url }, "payments listening");
closeOnSignals(async () => {
  await server.close();
  await relay.stop();
  await broker.close();
  await db.$disconnect();
});
