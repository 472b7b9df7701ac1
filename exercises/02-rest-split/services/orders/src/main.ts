// The orders service, on port 3003: it places an order by calling catalog, inventory, payments
// and shipping over HTTP.
import { closeOnSignals, createLogger, listen, serviceApp } from "@shop/kit";
import { openDatabase } from "../prisma/client.ts";
import { createDependencies, serviceUrlsFromEnv } from "./dependencies.ts";
import { ordersRoutes } from "./http/routes.ts";

const logger = createLogger("orders");
const db = openDatabase(process.env.DATA_DIR ?? "data/orders");
const dependencies = createDependencies(serviceUrlsFromEnv(), db, logger);

const server = await listen(serviceApp("orders", logger, [ordersRoutes(db, dependencies)]), Number(process.env.PORT ?? 3003));
logger.info({ url: server.url }, "orders listening");
closeOnSignals(async () => {
  await server.close();
  await db.$disconnect();
});
