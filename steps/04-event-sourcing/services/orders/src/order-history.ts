// Reading an order's past from its stream: every event as it was stored, and time travel (the
// order folded from its first N events).
import { NotFound } from "@shop/kit";
import type { Db } from "../prisma/client.ts";
import {
  existingOrder,
  orderDecider,
  orderStream,
  type Order,
  type OrderEvent,
} from "./domain/order.ts";
import { readStream } from "./event-store/event-store.ts";

/** The order as it was after its `version`-th event (all of it when undefined). */
export async function orderAt(
  db: Db,
  orderId: string,
  version?: number,
): Promise<{ order: Order; version: number }> {
  const events = await readStream<OrderEvent>(db, orderStream(orderId), { toVersion: version });
  const last = events.at(-1);
  if (!last) {
    const at = version === undefined ? "" : ` at version ${version}`;
    throw new NotFound(`No order ${orderId}${at}`);
  }
  const state = events.reduce(orderDecider.evolve, orderDecider.initialState);
  return { order: existingOrder(state, orderId), version: last.version };
}

export async function historyOf(db: Db, orderId: string) {
  const events = await readStream<OrderEvent>(db, orderStream(orderId));
  if (events.length === 0) throw new NotFound(`No order ${orderId}`);
  return events.map(({ version, position, type, data, metadata }) => ({
    version,
    position,
    type,
    occurredAt: metadata.occurredAt,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    data,
  }));
}
