// Drives an order's saga: reserve, charge, ship. Before each call, the order's record says which
// step it waits for; each yes moves it on, the last one ends the saga CONFIRMED. When a step
// fails, what may have happened is owed back, in the same transaction that makes the order
// REJECTED, and tried at once (compensation.ts).
import { RemoteRefusal, toErrorResponse, type Logger } from "@shop/kit";
import type { PrismaClient } from "../prisma/client.ts";
import type { Budget } from "./budget.ts";
import { undoWhatIsOwed } from "./compensation.ts";
import type { Dependencies } from "./dependencies.ts";
import type { Order } from "./domain/order.ts";
import { stepsLeft, undosFor, type Step } from "./domain/saga.ts";
import type { StoredResponse } from "./db/idempotency.ts";
import { endSaga, recordAsked, type Saga, type SagaEnd } from "./db/saga.ts";
import { orderView } from "./http/order-view.ts";

/** Refusals that are the order's final answer: a repeat with its key gets the same one. */
const FINAL_REFUSALS = new Set(["OUT_OF_STOCK", "PAYMENT_DECLINED"]);

const CALLS: Record<Step, (deps: Dependencies, order: Order, card: string) => Promise<unknown>> = {
  reserve: (deps, order) => deps.inventory.reserve(order.id, order.lines),
  charge: (deps, order, card) => deps.payments.charge(order.id, order.totalCents, card),
  ship: (deps, order) => deps.shipping.schedule(order.id),
};

export interface SagaRun {
  db: PrismaClient;
  deps: Dependencies;
  budget: Budget;
  log: Logger;
  /** For tests only: called the moment a step has answered yes (crash-switch.ts). */
  afterStep?: (step: Step) => void;
}

/** This request ran past its deadline and another took its saga over: it stops, the other finishes. */
export class SagaTakenOver extends Error {
  readonly code = "DEPENDENCY_UNAVAILABLE";
  readonly details = { dependency: "orders" };
  constructor(orderId: string) {
    super(`Placing order ${orderId} took too long here; it is being finished in the background`);
  }
}

const confirmed = (order: Order): StoredResponse => ({
  statusCode: 201,
  body: orderView({ ...order, status: "CONFIRMED" }),
});

/** Takes the steps left from `asked` (written down already), holding the saga until the budget's `answerBy`. */
export async function runSaga(
  run: SagaRun,
  order: Order,
  asked: Step,
  card: string,
): Promise<StoredResponse> {
  const { db, deps, budget } = run;
  const steps = stepsLeft(asked);
  for (const [i, step] of steps.entries()) {
    const sentBefore = deps.context.calls;
    try {
      await CALLS[step](deps, order, card);
    } catch (error) {
      // Certainly not done only if the service said no, or no request left (its breaker was open).
      const notDone = error instanceof RemoteRefusal || deps.context.calls === sentBefore;
      const answer =
        error instanceof RemoteRefusal && FINAL_REFUSALS.has(error.code) ? refusal(error) : null;
      const end: SagaEnd = { status: "REJECTED", undos: undosFor(step, notDone), answer };
      if (!(await endSaga(db, order.id, budget.answerBy, end))) throw new SagaTakenOver(order.id);
      await undoWhatIsOwed(db, deps.undo, order.id, run.log);
      if (answer) return answer;
      throw error;
    }
    run.afterStep?.(step);
    const next = steps[i + 1];
    if (next && !(await recordAsked(db, order.id, budget.answerBy, next)))
      throw new SagaTakenOver(order.id);
  }
  const answer = confirmed(order);
  const end: SagaEnd = { status: "CONFIRMED", undos: [], answer };
  if (!(await endSaga(db, order.id, budget.answerBy, end))) throw new SagaTakenOver(order.id);
  return answer;
}

function refusal(error: RemoteRefusal): StoredResponse {
  const { status, body } = toErrorResponse(error);
  return { statusCode: status, body };
}

/**
 * A saga past its deadline has lost its driver (orders died, or the request gave up): ended from
 * its record. Had every step answered yes, it would be CONFIRMED already (the last yes ends it);
 * so it is REJECTED, owing back the step it waits for, which may have happened, and those before.
 */
export async function endOrphan(
  db: PrismaClient,
  { order, asked, deadlineAt }: Saga,
  log: Logger,
): Promise<void> {
  const end: SagaEnd = { status: "REJECTED", undos: undosFor(asked, false), answer: null };
  if (await endSaga(db, order.id, deadlineAt, end))
    log.warn({ orderId: order.id, asked }, "saga past its deadline: rejected, owing back");
}
