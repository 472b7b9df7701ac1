// The shipping service, on port 3005: shipments from events, and the carrier's quote on demand.
import { assertBrokerReachable, closeOnSignals, createLogger, listen, serviceApp } from "@shop/kit";
import { connectBroker } from "../../../messaging/broker.ts";
import { messagingFaults, messagingRoutes } from "../../../messaging/faults.ts";
import { openDatabase } from "../prisma/client.ts";
import { shippingRoutes } from "./http/routes.ts";
import { shippingHandlers } from "./messaging/handlers.ts";

await assertBrokerReachable();
const logger = createLogger("shipping");
const db = openDatabase(process.env.DATA_DIR ?? "data/shipping");

const workshop = messagingFaults(); // the fault switches and counters
const broker = await connectBroker("shipping", logger, workshop.broker);
const handlers = shippingHandlers(db);
await broker.consume("shipping.order-confirmed", handlers.orderConfirmed);
await broker.consume("shipping.order-cancelled", handlers.orderCancelled);

const server = await listen(
  serviceApp("shipping", logger, [shippingRoutes(db), messagingRoutes()]),
  Number(process.env.PORT ?? 3005),
);
logger.info({ url: server.url }, "shipping listening");
closeOnSignals(async () => {
  await server.close();
  await broker.close();
  await db.$disconnect();
});
