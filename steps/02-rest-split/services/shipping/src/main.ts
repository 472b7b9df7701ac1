// The shipping service: the carrier's quote and shipments, on port 3005.
import { closeOnSignals, createLogger, listen, serviceApp } from "@shop/kit";
import { openDatabase } from "../prisma/client.ts";
import { shippingRoutes } from "./http/routes.ts";

const logger = createLogger("shipping");
const db = openDatabase(process.env.DATA_DIR ?? "data/shipping");
const catalogUrl = process.env.CATALOG_URL ?? "http://127.0.0.1:3001";

const server = await listen(
  serviceApp("shipping", logger, [shippingRoutes(db, catalogUrl)]),
  Number(process.env.PORT ?? 3005),
);
logger.info({ url: server.url }, "shipping listening");
closeOnSignals(async () => {
  await server.close();
  await db.$disconnect();
});
