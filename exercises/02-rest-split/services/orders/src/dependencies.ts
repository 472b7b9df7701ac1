// What an order needs from the other services. Since the split these are HTTP calls: each one
// can be slow, fail, or succeed without us hearing about it. There is no transaction around them.
import type { Logger } from "@shop/kit";
import type { Db } from "../prisma/client.ts";
import { catalogClient } from "./clients/catalog.ts";
import type { CallContext } from "./clients/http.ts";
import { inventoryClient } from "./clients/inventory.ts";
import { roundRobin } from "../../../balance.ts";
import { paymentsClient, type Instance } from "./clients/payments.ts";
import { resilientCaller, undoCaller, type Caller } from "./clients/resilience.ts";
import { shippingClient } from "./clients/shipping.ts";
import type { Undo } from "./domain/saga.ts";

export interface ServiceUrls {
  catalog: string;
  inventory: string;
  /** One or more payments instances, each call starting at the next (round robin). */
  payments: string[];
  shipping: string;
}

export function serviceUrlsFromEnv(): ServiceUrls {
  return {
    catalog: process.env.CATALOG_URL ?? "http://127.0.0.1:3001",
    inventory: process.env.INVENTORY_URL ?? "http://127.0.0.1:3002",
    payments: (process.env.PAYMENTS_URLS ?? "http://127.0.0.1:3004,http://127.0.0.1:3014").split(
      ",",
    ),
    shipping: process.env.SHIPPING_URL ?? "http://127.0.0.1:3005",
  };
}

/**
 * Built once at start-up: each dependency keeps its own circuit breaker across requests. Undo
 * calls get clients of their own, on their own policy (`undoCaller`): never behind the breaker
 * that failing forward calls opened.
 */
export function createDependencies(
  urls: ServiceUrls,
  db: Db,
  log: Logger,
  callerFor: (dependency: string) => Caller = resilientCaller,
  undoCallerFor: (dependency: string) => Caller = undoCaller,
) {
  // every instance takes its turn, and the others when it is unavailable
  const spread = (instances: Instance[]) => paymentsClient(instances, log, roundRobin(instances));
  const catalog = catalogClient(urls.catalog, callerFor("catalog"), db, log);
  const inventory = inventoryClient(urls.inventory, callerFor("inventory"));
  const payments = spread(urls.payments.map((url) => ({ url, caller: callerFor("payments") })));
  const shipping = shippingClient(urls.shipping, callerFor("shipping"));
  const undoInventory = inventoryClient(urls.inventory, undoCallerFor("inventory"));
  const undoPayments = spread(
    urls.payments.map((url) => ({ url, caller: undoCallerFor("payments") })),
  );
  const undoShipping = shippingClient(urls.shipping, undoCallerFor("shipping"));

  /** The clients bound to one request's context (correlation id, call count, deadline). */
  return (ctx: CallContext) => ({
    context: ctx,
    catalog: { priceList: (skus: string[]) => catalog.priceList(ctx, skus) },
    inventory: {
      reserve: (orderId: string, items: { sku: string; qty: number }[]) =>
        inventory.reserve(ctx, orderId, items),
    },
    payments: {
      charge: (orderId: string, amountCents: number, card: string) =>
        payments.charge(ctx, orderId, amountCents, card),
    },
    shipping: { schedule: (orderId: string) => shipping.schedule(ctx, orderId) },
    undo: {
      release: (orderId: string) => undoInventory.release(ctx, orderId),
      refund: (orderId: string) => undoPayments.refund(ctx, orderId),
      cancelShipment: (orderId: string) => undoShipping.cancel(ctx, orderId),
    } satisfies Record<Undo, (orderId: string) => Promise<unknown>>,
  });
}

export type Dependencies = ReturnType<ReturnType<typeof createDependencies>>;
export type UndoCalls = Dependencies["undo"];
