// Placing an order over HTTP is a saga (saga.ts). It starts here: price the order (a read, with
// nothing to undo), then write it PENDING, with its saga's record and its Idempotency-Key's claim,
// in one local transaction. Only then is anyone asked to do anything.
import { randomUUID } from "node:crypto";
import { inTransaction } from "../prisma/client.ts";
import { placeOrder as decide } from "./domain/order.ts";
import { claimKey, type StoredResponse } from "./db/idempotency.ts";
import { insertOrder } from "./db/orders.ts";
import { findSaga } from "./db/saga.ts";
import { runSaga, type SagaRun } from "./saga.ts";

export interface PlaceOrderInput {
  lines: { sku: string; qty: number }[];
  card: string;
}

/** The Idempotency-Key the new order goes under; `undone`: the key's last order, undone. */
export interface KeyClaim {
  key: string;
  hash: string;
  undone?: string;
}

class KeyTaken extends Error {}

/** A new order, placed. Null when another request claimed the key first: look at the key again. */
export async function placeOrder(
  run: SagaRun,
  input: PlaceOrderInput,
  claim?: KeyClaim,
): Promise<StoredResponse | null> {
  const prices = await run.deps.catalog.priceList(input.lines.map((line) => line.sku));
  const order = decide({ orderId: randomUUID(), lines: input.lines, now: new Date() }, prices);
  const claimed = await inTransaction(run.db, async (tx) => {
    await insertOrder(tx, order, run.budget.answerBy);
    if (!claim || (await claimKey(tx, claim.key, claim.hash, order.id, claim.undone))) return true;
    throw new KeyTaken(); // rolls the order back
  }).catch((error) => (error instanceof KeyTaken ? false : Promise.reject(error)));
  return claimed ? runSaga(run, order, "reserve", input.card) : null;
}

/** The order of a saga that lost its driver, taken over by a retry with its key: on from its record. */
export async function resumeOrder(
  run: SagaRun,
  orderId: string,
  card: string,
): Promise<StoredResponse> {
  const saga = await findSaga(run.db, orderId);
  if (!saga) throw new Error(`Order ${orderId} is no longer PENDING`); // we hold it: cannot happen
  run.log.warn(
    { orderId, asked: saga.asked },
    "a retry with its key resumes a saga past its deadline",
  );
  return runSaga(run, saga.order, saga.asked, card);
}
