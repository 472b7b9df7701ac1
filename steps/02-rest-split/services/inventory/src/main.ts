// The inventory service: stock and reservations, on port 3002.
import { closeOnSignals, createLogger, listen, serviceApp } from "@shop/kit";
import { openDatabase } from "../prisma/client.ts";
import { seedInventory } from "./db/seed.ts";
import { inventoryRoutes } from "./http/routes.ts";

const logger = createLogger("inventory");
const db = openDatabase(process.env.DATA_DIR ?? "data/inventory");
if ((await db.stock.count()) === 0) await seedInventory(db);

const server = await listen(
  serviceApp("inventory", logger, [inventoryRoutes(db)]),
  Number(process.env.PORT ?? 3002),
);
logger.info({ url: server.url }, "inventory listening");
closeOnSignals(async () => {
  await server.close();
  await db.$disconnect();
});
