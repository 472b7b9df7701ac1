// Placing an order: price it from orders' own copy of the catalog and append OrderPlaced to a new
// stream, in the caller's transaction. The card number goes to the vault in that same transaction:
// the event, kept forever, holds only its last four digits.
import { randomUUID } from "node:crypto";
import type { Trace } from "../../../messaging/envelope.ts";
import type { Db } from "../prisma/client.ts";
import { keepCard } from "./db/card-vault.ts";
import { priceList } from "./db/product-copy.ts";
import type { Order } from "./domain/order.ts";
import { handleOrderCommand } from "./handle-order-command.ts";

export interface PlaceOrderInput {
  lines: { sku: string; qty: number }[];
  card: string;
}

export async function placeOrder(tx: Db, input: PlaceOrderInput, trace: Trace): Promise<Order> {
  const orderId = randomUUID();
  const prices = await priceList(
    tx,
    input.lines.map((line) => line.sku),
  );
  const { order } = await handleOrderCommand(
    tx,
    {
      type: "PlaceOrder",
      data: { orderId, lines: input.lines, card: input.card, prices, now: new Date() },
    },
    trace,
  );
  await keepCard(tx, orderId, input.card);
  return order;
}
