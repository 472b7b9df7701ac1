// Starts the monolith: one process, one database file, the storefront on port 3000.
import { resolve } from "node:path";
import { closeOnSignals, createLogger, listen } from "@shop/kit";
import { openDatabase } from "../../../prisma/client.ts";
import { createApp } from "./app.ts";
import { seedIfEmpty } from "./db/reset.ts";

const logger = createLogger("shop");
const dataDir = resolve(process.env.DATA_DIR ?? resolve(import.meta.dirname, "../../../data"));
const db = openDatabase(dataDir);
await seedIfEmpty(db);

const server = await listen(createApp(db, logger), Number(process.env.PORT ?? 3000));
logger.info(
  { url: server.url, dataDir },
  `shop listening: open ${server.url.replace("127.0.0.1", "localhost")}`,
);
closeOnSignals(async () => {
  await server.close();
  await db.$disconnect();
});
