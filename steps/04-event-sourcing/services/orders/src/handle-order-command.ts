// A command on an order's stream, through the generic handler. One rule on top: a final order is
// paid or never will be, so its card number leaves the vault.
import type { Trace } from "../../../messaging/envelope.ts";
import type { Db } from "../prisma/client.ts";
import { forgetCard } from "./db/card-vault.ts";
import {
  existingOrder,
  orderDecider,
  type Order,
  type OrderCommand,
  type OrderEvent,
} from "./domain/order.ts";
import type { StoredEvent } from "./event-store/event-store.ts";
import { handleCommand } from "./handle-command.ts";

const FINAL = new Set(["CONFIRMED", "REJECTED", "CANCELLED"]);

export async function handleOrderCommand(
  db: Db,
  command: OrderCommand,
  trace: Trace,
): Promise<{ order: Order; events: StoredEvent<OrderEvent>[]; conflicts: number }> {
  const { state, events, conflicts } = await handleCommand(db, orderDecider, command, trace);
  const order = existingOrder(state, command.data.orderId);
  if (FINAL.has(order.status)) await forgetCard(db, order.id);
  return { order, events, conflicts };
}
