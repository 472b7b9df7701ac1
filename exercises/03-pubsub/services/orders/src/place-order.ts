// Placing an order: price it from orders' own copy of the catalog, save it PENDING, and write
// OrderPlaced to the outbox, all in one local transaction. No other service is called: the order
// is accepted even while inventory or payments are down.
import { randomUUID } from "node:crypto";
import type { Db } from "../prisma/client.ts";
import type { Trace } from "../../../messaging/envelope.ts";
import { addToOutbox } from "../../../messaging/outbox.ts";
import { placeOrder as decide, type Order } from "./domain/order.ts";
import { insertOrder } from "./db/orders.ts";
import { priceList } from "./db/product-copy.ts";
import { orderPlaced } from "./messaging/events.ts";

export interface PlaceOrderInput {
  lines: { sku: string; qty: number }[];
  card: string;
}

export async function placeOrder(tx: Db, input: PlaceOrderInput, trace: Trace): Promise<Order> {
  const prices = await priceList(
    tx,
    input.lines.map((line) => line.sku),
  );
  const order = decide({ orderId: randomUUID(), lines: input.lines, now: new Date() }, prices);
  await insertOrder(tx, order);
  await addToOutbox(tx, orderPlaced(order, input.card, trace));
  return order;
}
