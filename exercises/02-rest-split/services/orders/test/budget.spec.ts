// Exercise 02.3: orders' latency budget, from the caller's x-timeout-ms to a deadline for its
// answer and a signal that stops its forward calls. Pure, apart from the signal's own timer.
import { afterEach, describe, expect, it, vi } from "vitest";
import { TIMEOUTS } from "../../../timeouts.ts";
import { budgetFrom } from "../src/budget.ts";

const now = Date.now();
const answerIn = (header: string | undefined) => budgetFrom(header, now).answerBy.getTime() - now;
/** How long after it was made the signal aborted. */
const abortsAfter = (signal: AbortSignal, made: number) =>
  new Promise<number>((resolve) =>
    signal.addEventListener("abort", () => resolve(Date.now() - made), { once: true }),
  );

afterEach(() => vi.restoreAllMocks());

describe("budgetFrom", () => {
  it("When the caller waits 4 s, then orders answers 250 ms before that", () => {
    expect(
      answerIn("4000"),
      "the caller's wait (x-timeout-ms) is the budget, less the way back",
    ).toBe(4000 - TIMEOUTS.answerMarginMs);
  });

  it("When the caller says nothing, or nonsense, then the default budget applies", () => {
    const standard = TIMEOUTS.defaultBudgetMs - TIMEOUTS.answerMarginMs;
    for (const header of [undefined, "", "soon", "-5", "0", "1.5"])
      expect(answerIn(header), `a missing or malformed wait (${header}) means the default`).toBe(
        standard,
      );
  });

  it("When the caller asks for ten minutes, then orders takes on at most its maximum", () => {
    expect(answerIn("600000"), "cap what a caller asks: the saga's record is held that long").toBe(
      TIMEOUTS.maxBudgetMs - TIMEOUTS.answerMarginMs,
    );
  });

  it("When the caller waits 5 s, then the forward calls get 1750 ms: the rest is for the undos and the way back", () => {
    const timer = vi.spyOn(AbortSignal, "timeout");

    budgetFrom("5000", now);

    expect(
      timer.mock.calls,
      "forward calls stop at the answer's deadline less the undos (3 x 1 s)",
    ).toEqual([[5000 - TIMEOUTS.answerMarginMs - 3 * TIMEOUTS.undoMs]]);
  });

  it("When the caller waits less than the undos need, then the forward calls stop at once", async () => {
    const made = Date.now();
    const budget = budgetFrom("1000", made);

    expect(budget.answerBy.getTime() - made).toBe(750);
    expect(budget.forward, "a signal that aborts now, not a negative timeout").toBeInstanceOf(
      AbortSignal,
    );
    expect(
      budget.forward.aborted || (await abortsAfter(budget.forward, made)) < 100,
      "no time is left for forward calls: their signal aborts at once",
    ).toBe(true);
  });

  it("When the forward calls' time is up, then their signal aborts, leaving room to undo", async () => {
    const made = Date.now();
    // answer in 3400 ms: forward calls stop at 400, leaving 3 x 1 s for the undos
    const budget = budgetFrom("3650", made);
    expect(budget.forward.aborted).toBe(false);

    const after = await abortsAfter(budget.forward, made);

    expect(
      after,
      "stop calling forward early enough to try the undos (3 x 1 s) before the answer",
    ).toBeLessThan(budget.answerBy.getTime() - made - 2.5 * TIMEOUTS.undoMs);
    expect(after, "but not before: until then, the forward calls have their time").toBeGreaterThan(
      300,
    );
  });
});
