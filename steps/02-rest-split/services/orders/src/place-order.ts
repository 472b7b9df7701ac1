// Placing an order over HTTP: price, reserve, charge, ship, then save. There is no transaction
// around the calls any more: when a step fails after an earlier one succeeded, the earlier one
// must be undone by another call (compensation), which can fail too.
import { randomUUID } from "node:crypto";
import type { Logger } from "@shop/kit";
import type { Db } from "../prisma/client.ts";
import { RemoteRefusal } from "./clients/errors.ts";
import type { Dependencies } from "./dependencies.ts";
import { placeOrder as decide, type Order } from "./domain/order.ts";
import { insertOrder } from "./db/orders.ts";

export interface PlaceOrderInput {
  lines: { sku: string; qty: number }[];
  card: string;
}

export async function placeOrder(db: Db, deps: Dependencies, input: PlaceOrderInput, log: Logger): Promise<Order> {
  const prices = await deps.catalog.priceList(input.lines.map((line) => line.sku));
  const order = decide({ orderId: randomUUID(), lines: input.lines, now: new Date() }, prices);
  await deps.inventory.reserve(order.id, order.lines);
  await chargeAndShip(deps, order, input.card, log);
  await insertOrder(db, order);
  return order;
}

/** With the stock reserved: charge, then schedule the shipment; undo what was done when either fails. */
export async function chargeAndShip(deps: Dependencies, order: Order, card: string, log: Logger): Promise<void> {
  // #region exercise 02.3: compensation
  try {
    await deps.payments.charge(order.id, order.totalCents, card);
  } catch (error) {
    await compensate(log, order.id, "release the stock", () => deps.inventory.release(order.id));
    // No answer is not "no charge": the charge may have happened and its answer been lost.
    if (!(error instanceof RemoteRefusal)) await compensate(log, order.id, "refund", () => deps.payments.refund(order.id));
    throw error;
  }
  try {
    await deps.shipping.schedule(order.id);
  } catch (error) {
    await compensate(log, order.id, "refund", () => deps.payments.refund(order.id));
    await compensate(log, order.id, "release the stock", () => deps.inventory.release(order.id));
    throw error;
  }
  // #endregion
}

/** An undo that fails is logged loudly, not thrown: the caller must still hear the first error. */
async function compensate(log: Logger, orderId: string, what: string, undo: () => Promise<unknown>): Promise<void> {
  try {
    await undo();
  } catch (error) {
    log.error({ orderId, err: error }, `compensation failed: could not ${what}; someone must fix order ${orderId} by hand`);
  }
}
