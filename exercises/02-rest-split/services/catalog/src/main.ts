// The catalog service: products and prices, on port 3001.
import { closeOnSignals, createLogger, listen, serviceApp } from "@shop/kit";
import { openDatabase } from "../prisma/client.ts";
import { seedCatalog } from "./db/seed.ts";
import { catalogRoutes } from "./http/routes.ts";

const logger = createLogger("catalog");
const db = openDatabase(process.env.DATA_DIR ?? "data/catalog");
if ((await db.product.count()) === 0) await seedCatalog(db);

const server = await listen(
  serviceApp("catalog", logger, [catalogRoutes(db)]),
  Number(process.env.PORT ?? 3001),
);
logger.info({ url: server.url }, "catalog listening");
closeOnSignals(async () => {
  await server.close();
  await db.$disconnect();
});
