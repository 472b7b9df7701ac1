// Placing an order is a saga: three steps, each committed by another service on its own, each
// with an undo. No transaction spans them, so orders writes down which step it is waiting for,
// before the call: whatever fails, even orders itself, what may need undoing is known.

export const STEPS = ["reserve", "charge", "ship"] as const;
export type Step = (typeof STEPS)[number];

export type Undo = "release" | "refund" | "cancelShipment";
export const UNDO: Record<Step, Undo> = {
  reserve: "release",
  charge: "refund",
  ship: "cancelShipment",
};

/**
 * The steps still to take when the saga waits for `asked`: that one again (asking twice is safe,
 * each call carries the order's id as its key), then the rest. Every step before it answered yes.
 */
export function stepsLeft(asked: Step): Step[] {
  return STEPS.slice(STEPS.indexOf(asked));
}

/**
 * What to undo, in the order to undo it, when the saga stops at `failed`: every step asked so
 * far that may have happened. `notDone` is true only when `failed` certainly did nothing: the
 * service answered no, or the request never left. No answer (a timeout, a lost response) is
 * not a no: that step may have happened, and is undone too.
 */
export function undosFor(failed: Step, notDone: boolean): Undo[] {
  // #region exercise 02.2: compensation
  const asked = STEPS.slice(0, STEPS.indexOf(failed) + 1);
  const mayHaveHappened = notDone ? asked.slice(0, -1) : asked;
  // The last step first: a shipment is cancelled before its stock goes back on sale or its money back.
  return mayHaveHappened.reverse().map((step) => UNDO[step]);
  // #endregion
}
