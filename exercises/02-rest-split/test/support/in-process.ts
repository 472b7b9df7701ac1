// For the exercises' tests: a service running inside the test process, on a real HTTP port, with
// a real SQLite database and its fault switches on. No other process, no other exercise's code.
import { chaosClient, createLogger, listen, serviceApp } from "@shop/kit";
import { freshDataDir } from "@shop/kit/testing";
import type { Router } from "express";
import { openDatabase as openCatalog } from "../../services/catalog/prisma/client.ts";
import { seedCatalog } from "../../services/catalog/src/db/seed.ts";
import { catalogRoutes } from "../../services/catalog/src/http/routes.ts";
import { openDatabase as openInventory } from "../../services/inventory/prisma/client.ts";
import { seedInventory } from "../../services/inventory/src/db/seed.ts";
import { inventoryRoutes } from "../../services/inventory/src/http/routes.ts";
import { openDatabase as openOrders } from "../../services/orders/prisma/client.ts";
import { openDatabase as openPayments } from "../../services/payments/prisma/client.ts";
import { paymentsRoutes } from "../../services/payments/src/http/routes.ts";
import { openDatabase as openShipping } from "../../services/shipping/prisma/client.ts";
import { shippingRoutes } from "../../services/shipping/src/http/routes.ts";

process.env.SHOP_CHAOS = "1";
// Quiet, without setting LOG_LEVEL: test files share a worker, and the processes that a later
// file starts would inherit it and log nothing (a test or a trainer may read their warnings).
export const silent = createLogger("exercise-test", process.env.LOG_LEVEL ?? "silent");

export interface InProcessService<Db> {
  url: string;
  db: Db;
  chaos: ReturnType<typeof chaosClient>;
  close(): Promise<void>;
}

async function serve<Db extends { $disconnect(): Promise<void> }>(
  name: string,
  db: Db,
  routes: Router,
): Promise<InProcessService<Db>> {
  const server = await listen(serviceApp(name, silent, [routes]), 0);
  return {
    url: server.url,
    db,
    chaos: chaosClient(server.url),
    close: async () => {
      await server.close();
      await db.$disconnect();
    },
  };
}

export async function catalogService() {
  const db = openCatalog(freshDataDir("ex-catalog-"));
  await seedCatalog(db);
  return serve("catalog", db, catalogRoutes(db));
}

export async function inventoryService() {
  const db = openInventory(freshDataDir("ex-inventory-"));
  await seedInventory(db);
  return serve("inventory", db, inventoryRoutes(db));
}

/** A payments instance; give it another's `db` for a second instance over the same database. */
export async function paymentsService(db = openPayments(freshDataDir("ex-payments-"))) {
  return serve("payments", db, paymentsRoutes(db));
}

export async function shippingService(catalogUrl: string) {
  const db = openShipping(freshDataDir("ex-shipping-"));
  return serve("shipping", db, shippingRoutes(db, catalogUrl));
}

export const ordersDatabase = () => openOrders(freshDataDir("ex-orders-"));
