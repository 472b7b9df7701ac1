// The payments service, on port 3004; the supervisor starts a second instance on 3014 over the
// same database, so that orders can fail over from one to the other.
import { closeOnSignals, createLogger, listen, serviceApp } from "@shop/kit";
import { openDatabase } from "../prisma/client.ts";
import { paymentsRoutes } from "./http/routes.ts";

const logger = createLogger(process.env.SERVICE_NAME ?? "payments");
const db = openDatabase(process.env.DATA_DIR ?? "data/payments");

const server = await listen(
  serviceApp("payments", logger, [paymentsRoutes(db)]),
  Number(process.env.PORT ?? 3004),
);
logger.info({ url: server.url }, "payments listening");
closeOnSignals(async () => {
  await server.close();
  await db.$disconnect();
});
