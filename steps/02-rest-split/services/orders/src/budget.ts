// How long orders may take to answer. The caller says how long it waits (the gateway sends its
// timeout as x-timeout-ms); orders stops calling forward early enough to try its undos once and
// still answer before that. Otherwise the shopper is told "unavailable" by the gateway while
// orders goes on and confirms the order, charged, behind their back. The numbers: timeouts.ts.
import { TIMEOUTS } from "../../../timeouts.ts";

const UNDO_PASS_MS = 3 * TIMEOUTS.undoMs; // at most three undos, tried once each before the answer

export interface Budget {
  /** Orders answers by then; it is also the saga's deadline: past it, another may take it over. */
  answerBy: Date;
  /** Aborts every forward call (price, reserve, charge, ship) still running when time is up for them. */
  forward: AbortSignal;
}

export function budgetFrom(timeoutHeader: string | undefined, now = Date.now()): Budget {
  // #region exercise 02.3: a latency budget, passed along as a deadline
  const waits = Number(timeoutHeader);
  const ms = Math.min(
    Number.isInteger(waits) && waits > 0 ? waits : TIMEOUTS.defaultBudgetMs,
    TIMEOUTS.maxBudgetMs,
  );
  const answerBy = now + ms - TIMEOUTS.answerMarginMs;
  return {
    answerBy: new Date(answerBy),
    forward: AbortSignal.timeout(Math.max(0, answerBy - UNDO_PASS_MS - now)),
  };
  // #endregion
}
