// The web gateway and storefront, on port 3000, with its own copy of products and stock.
import { assertBrokerReachable, closeOnSignals, createLogger, listen } from "@shop/kit";
import { connectBroker } from "../../../messaging/broker.ts";
import { messagingFaults, messagingRoutes } from "../../../messaging/faults.ts";
import { envelope } from "../../../messaging/envelope.ts";
import { openDatabase } from "../prisma/client.ts";
import { createApp, gatewayUrlsFromEnv } from "./app.ts";
import { webHandlers } from "./messaging/handlers.ts";

await assertBrokerReachable();
const logger = createLogger("web");
const db = openDatabase(process.env.DATA_DIR ?? "data/web");

const workshop = messagingFaults(); // the fault switches and counters
const broker = await connectBroker("web", logger, workshop.broker);
const handlers = webHandlers(db);
await broker.consume("web.product-changed", handlers.productChanged);
await broker.consume("web.stock-changed", handlers.stockChanged);
// Catch up: ask the owners for a snapshot (a lost request is sent again at the next start).
const trace = { correlationId: "web-start-up" };
await broker.publish(envelope("catalog.snapshot-requested", {}, trace));
await broker.publish(envelope("inventory.snapshot-requested", {}, trace));

const server = await listen(
  createApp(db, gatewayUrlsFromEnv(), logger),
  Number(process.env.PORT ?? 3000),
);
logger.info(
  { url: server.url },
  `storefront: open ${server.url.replace("127.0.0.1", "localhost")}`,
);
closeOnSignals(async () => {
  await server.close();
  await broker.close();
  await db.$disconnect();
});
