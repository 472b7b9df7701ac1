// The orders service, on port 3003: it places an order by calling catalog, inventory, payments
// and shipping over HTTP, and runs the compensation loop that finishes what those calls left.
import { closeOnSignals, createLogger, listen, serviceApp } from "@shop/kit";
import { openDatabase } from "../prisma/client.ts";
import { startCompensationLoop } from "./compensation-loop.ts";
import { crashSwitch } from "./crash-switch.ts";
import { createDependencies, serviceUrlsFromEnv } from "./dependencies.ts";
import { ordersRoutes } from "./http/routes.ts";

const logger = createLogger("orders");
const db = openDatabase(process.env.DATA_DIR ?? "data/orders");
const dependencies = createDependencies(serviceUrlsFromEnv(), db, logger);

const routes = ordersRoutes(db, dependencies, crashSwitch());
const server = await listen(
  serviceApp("orders", logger, [routes]),
  Number(process.env.PORT ?? 3003),
);
const compensation = startCompensationLoop(db, dependencies, logger);
logger.info({ url: server.url }, "orders listening");
closeOnSignals(async () => {
  await server.close();
  await compensation.stop();
  await db.$disconnect();
});
