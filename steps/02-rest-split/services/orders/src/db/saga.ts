// The saga's record: how far each PENDING order got, who holds it (until its deadline), and the
// undos orders owes. Every write that moves a saga is conditional on the deadline its writer
// holds: of two drivers (one that overran its deadline, one that took over), only one moves it.
import { inTransaction, type Db, type PrismaClient } from "../../prisma/client.ts";
import type { Order } from "../domain/order.ts";
import type { Step, Undo } from "../domain/saga.ts";
import { answerKey, type StoredResponse } from "./idempotency.ts";
import { findOrder } from "./orders.ts";

export interface Saga {
  order: Order;
  /** The step asked last, its answer not written down: every step before it answered yes. */
  asked: Step;
  deadlineAt: Date;
}

const heldUntil = (orderId: string, deadlineAt: Date) => ({
  id: orderId,
  status: "PENDING",
  deadlineAt,
});

type Row = { id: string; step: string; deadlineAt: Date | null };

async function toSaga(db: Db, row: Row): Promise<Saga> {
  return {
    order: (await findOrder(db, row.id))!,
    asked: row.step as Step,
    deadlineAt: row.deadlineAt!,
  };
}

export async function findSaga(db: Db, orderId: string): Promise<Saga | null> {
  const row = await db.order.findUnique({ where: { id: orderId } });
  return row?.status === "PENDING" ? toSaga(db, row) : null;
}

/** Sagas whose driver is gone: it would have ended them by their deadline. */
export async function sagasPastDeadline(db: Db, now = new Date()): Promise<Saga[]> {
  const rows = await db.order.findMany({
    where: { status: "PENDING", deadlineAt: { lt: now } },
    take: 20,
  });
  return Promise.all(rows.map((row) => toSaga(db, row)));
}

/** After a yes, before the next call: the saga now waits for `step`. False: the saga is someone else's now. */
export async function recordAsked(
  db: Db,
  orderId: string,
  heldTill: Date,
  step: Step,
): Promise<boolean> {
  const { count } = await db.order.updateMany({
    where: heldUntil(orderId, heldTill),
    data: { step },
  });
  return count === 1;
}

/** Takes over a saga past its deadline, holding it until `deadlineAt`. False: not past it yet, or another was first. */
export async function takeOver(
  db: Db,
  orderId: string,
  seen: Date,
  deadlineAt: Date,
  now = new Date(),
): Promise<boolean> {
  if (seen > now) return false;
  const { count } = await db.order.updateMany({
    where: heldUntil(orderId, seen),
    data: { deadlineAt },
  });
  return count === 1;
}

export interface SagaEnd {
  status: "CONFIRMED" | "REJECTED";
  /** What may have happened and must be given back, in this order. */
  undos: Undo[];
  /** The final answer for the order's Idempotency-Key; null leaves the key free for a new order. */
  answer: StoredResponse | null;
}

/** The saga's end, in one transaction: the order's status, the undos it owes, its key's answer.
 *  CONFIRMED is written with the last step's yes: a PENDING saga always waits for an answer. */
export function endSaga(
  db: PrismaClient,
  orderId: string,
  heldTill: Date,
  end: SagaEnd,
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const { count } = await tx.order.updateMany({
      where: heldUntil(orderId, heldTill),
      data: { status: end.status },
    });
    if (count === 0) return false;
    await oweUndos(tx, orderId, end.undos);
    if (end.answer) await answerKey(tx, orderId, end.answer);
    return true;
  });
}

// ---- the undos owed (Compensation rows) ----

export interface Owed {
  orderId: string;
  position: number;
  action: Undo;
}

export async function oweUndos(tx: Db, orderId: string, undos: Undo[]): Promise<void> {
  await tx.compensation.createMany({
    data: undos.map((action, position) => ({ orderId, position, action })),
  });
}

export async function owedUndos(db: Db, orderId: string): Promise<Owed[]> {
  const rows = await db.compensation.findMany({
    where: { orderId, doneAt: null },
    orderBy: { position: "asc" },
  });
  return rows.map(({ position, action }) => ({ orderId, position, action: action as Undo }));
}

/** Orders with an undo owed whose next try is due. */
export async function ordersOwingUndos(db: Db, now = new Date()): Promise<string[]> {
  const due = { some: { doneAt: null, nextTryAt: { lte: now } } };
  const rows = await db.order.findMany({
    where: { compensations: due },
    select: { id: true },
    take: 20,
  });
  return rows.map((row) => row.id);
}

// The try right after the failure and a round of the loop can try the same undo at once (it is
// safe to repeat): whichever records an answer first wins, the other changes nothing.
export async function markUndone(
  db: Db,
  { orderId, position }: Owed,
  now = new Date(),
): Promise<void> {
  await db.compensation.updateMany({
    where: { orderId, position, doneAt: null },
    data: { doneAt: now },
  });
}

/** Counts the failed try; returns how many there have been (0: it was done meanwhile). */
export async function markFailed(
  db: Db,
  { orderId, position }: Owed,
  error: unknown,
): Promise<number> {
  const [row] = await db.compensation.updateManyAndReturn({
    where: { orderId, position, doneAt: null },
    data: {
      attempts: { increment: 1 },
      lastError: error instanceof Error ? error.message : String(error),
    },
  });
  return row?.attempts ?? 0;
}

/** Every undo the order still owes waits until `until`: the backoff. */
export async function postpone(db: Db, orderId: string, until: Date): Promise<void> {
  await db.compensation.updateMany({
    where: { orderId, doneAt: null },
    data: { nextTryAt: until },
  });
}

/** A CANCELLING order that owes nothing any more is CANCELLED. */
export async function finishCancel(db: Db, orderId: string): Promise<void> {
  const owesNothing = { none: { doneAt: null } };
  await db.order.updateMany({
    where: { id: orderId, status: "CANCELLING", compensations: owesNothing },
    data: { status: "CANCELLED" },
  });
}
