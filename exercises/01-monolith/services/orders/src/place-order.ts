// Placing an order in the monolith: price, reserve, charge, ship, save, all in the caller's
// transaction. Any error (unknown sku, out of stock, declined card) rolls every step back.
import { randomUUID } from "node:crypto";
import type { Db } from "../../../prisma/client.ts";
import { dependencies } from "./dependencies.ts";
import { placeOrder as decide, type Order } from "./domain/order.ts";
import { insertOrder } from "./db/orders.ts";

export interface PlaceOrderInput {
  lines: { sku: string; qty: number }[];
  card: string;
}

export async function placeOrder(tx: Db, input: PlaceOrderInput): Promise<Order> {
  const { catalog, inventory, payments, shipping } = dependencies(tx);
  const prices = await catalog.priceList(input.lines.map((line) => line.sku));
  const order = decide({ orderId: randomUUID(), lines: input.lines, now: new Date() }, prices);
  await inventory.reserve(order.id, order.lines);
  await payments.charge(order.id, order.totalCents, input.card);
  await shipping.schedule(order.id);
  await insertOrder(tx, order);
  return order;
}
