// What inventory tells the world: the outcome of a reservation, and every change of a stock level.
import { envelope, type Trace } from "../../../../messaging/envelope.ts";
import { addToOutbox } from "../../../../messaging/outbox.ts";
import type { Db } from "../../prisma/client.ts";
import type { StockLevel } from "../domain/stock.ts";
import { listStock } from "../db/stock.ts";

/** The level with its version: a copy applies it only over an older one, whatever order events arrive in. */
export const stockChanged = ({ sku, available, version }: StockLevel, trace: Trace) =>
  envelope("inventory.stock-changed", { sku, available, version }, trace);
export const stockReserved = (orderId: string, trace: Trace) =>
  envelope("inventory.stock-reserved", { orderId }, trace);
export const reservationRejected = (
  orderId: string,
  details: { sku: string; available: number; requested: number },
  trace: Trace,
) =>
  envelope(
    "inventory.reservation-rejected",
    { orderId, reason: "OUT_OF_STOCK", ...details },
    trace,
  );

export async function addSnapshotToOutbox(tx: Db, trace: Trace): Promise<void> {
  await addToOutbox(tx, ...(await listStock(tx)).map((s) => stockChanged(s, trace)));
}
