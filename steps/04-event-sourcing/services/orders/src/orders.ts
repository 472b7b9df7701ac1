// The orders service's use cases on the event store: each one is a command handled against the
// order's stream; the read models catch up right after, so a read that follows sees the change.
import { NotFound } from "@shop/kit";
import type { Db, PrismaClient } from "../prisma/client.ts";
import {
  orderDecider,
  type Order,
  type OrderCommand,
  type OrderEvent,
  type OrderState,
} from "./domain/order.ts";
import { readStream, type Metadata } from "./event-store/event-store.ts";
import { handleCommand } from "./handle-command.ts";
import { forgetCard, keepCard } from "./db/card-vault.ts";
import { priceList } from "./db/product-copy.ts";

export interface PlaceOrderInput {
  lines: { sku: string; qty: number }[];
  card: string;
}

const FINAL = new Set(["CONFIRMED", "REJECTED", "CANCELLED"]);

/** A command on the order's stream. A final order is paid or never will be: its card number goes. */
export async function execute(db: Db, command: OrderCommand, metadata: Metadata) {
  const handled = await handleCommand(db, orderDecider, command, metadata);
  if (FINAL.has(handled.state.status)) await forgetCard(db, command.data.orderId);
  return handled;
}

/** In the caller's transaction: the event (last four digits) and the card number are stored together. */
export async function placeOrder(
  tx: Db,
  orderId: string,
  input: PlaceOrderInput,
  metadata: Metadata,
): Promise<Order> {
  const prices = await priceList(
    tx,
    input.lines.map((line) => line.sku),
  );
  const { state } = await execute(
    tx,
    {
      type: "PlaceOrder",
      data: { orderId, lines: input.lines, card: input.card, prices, now: new Date() },
    },
    metadata,
  );
  await keepCard(tx, orderId, input.card);
  return state as Order;
}

export async function cancelOrder(db: Db, orderId: string, metadata: Metadata): Promise<Order> {
  const { state } = await execute(db, { type: "CancelOrder", data: { orderId } }, metadata);
  return state as Order;
}

/** Time travel: the order as it was after its `version`-th event (all of it when undefined). */
export async function orderAt(
  db: Db,
  orderId: string,
  version?: number,
): Promise<{ order: Order; version: number }> {
  const events = await readStream<OrderEvent>(
    db,
    orderDecider.streamOf({ type: "CancelOrder", data: { orderId } }),
    { toVersion: version },
  );
  if (events.length === 0)
    throw new NotFound(
      `No order ${orderId}${version === undefined ? "" : ` at version ${version}`}`,
    );
  let state: OrderState = orderDecider.initialState;
  for (const event of events) state = orderDecider.evolve(state, event);
  return { order: state as Order, version: events.at(-1)!.version };
}

export async function historyOf(db: PrismaClient, orderId: string) {
  const events = await readStream(db, `order-${orderId}`);
  if (events.length === 0) throw new NotFound(`No order ${orderId}`);
  return events.map(
    ({ version, type, data, metadata: { occurredAt, correlationId, causationId }, position }) => ({
      version,
      position,
      type,
      occurredAt,
      correlationId,
      causationId,
      data,
    }),
  );
}
