// Exercise 03.6: poison or transient. What becomes of a message its consumer could not take:
// which failures wait in a retry queue and come back, which are parked in the .dlq at once, and
// when a message that keeps failing is given up on.
import { describe, expect, it } from "vitest";
import { whatNext, type Failure, type Verdict } from "../failures.ts";
import { RETRY_DELAYS_MS } from "../topology.ts";

const threw: Failure = { kind: "handler-failed", reason: "no payment for order o-1 yet" };
const broken: Failure = { kind: "breaks-its-contract", reason: "data.orderId: Required" };
const MAX = 6;
/** How long a retried message waits before it comes back (RETRY_DELAYS_MS: 0.2, 1, 5, 30 s). */
const waitOf = (verdict: Verdict) =>
  verdict.then === "retry" ? RETRY_DELAYS_MS[verdict.tier] : verdict.then;

describe("whatNext, for a message that was not handled", () => {
  it("When it breaks its contract, then it is parked at its first attempt: no retry can fix it", () => {
    expect(
      whatNext(broken, 1, MAX),
      "a message that breaks its contract is poison: dead-letter it at once, do not retry it",
    ).toEqual({ then: "dead-letter" });
  });

  it("When its handler fails the first time, then it comes back after the shortest wait", () => {
    expect(
      whatNext(threw, 1, MAX),
      "a handler that threw may succeed later (its event on the way, a restart): retry it",
    ).toEqual({ then: "retry", tier: 0 });
  });

  it("When it keeps failing, then each retry waits longer, the Nth the Nth wait", () => {
    const waits = [2, 3, 4].map((attempt) => waitOf(whatNext(threw, attempt, MAX)));

    expect(waits, "attempt N waits RETRY_DELAYS_MS[N - 1]: the waits grow").toEqual([
      1_000, 5_000, 30_000,
    ]);
  });

  it("When it has failed more often than there are waits, then it waits the longest", () => {
    expect(
      whatNext(threw, 5, MAX),
      "there are four waits: the longest (tier 3, 30 s) takes every later retry",
    ).toEqual({ then: "retry", tier: 3 });
  });

  it("When its last attempt fails, then it is parked, and not one attempt sooner", () => {
    expect(
      whatNext(threw, MAX, MAX),
      "give up after MAX_ATTEMPTS: a message that never succeeds must not loop forever",
    ).toEqual({ then: "dead-letter" });
    expect(
      whatNext(threw, MAX - 1, MAX).then,
      "give up after MAX_ATTEMPTS, not before: each attempt rides out more trouble",
    ).toBe("retry");
    expect(
      [whatNext(threw, 2, 3).then, whatNext(threw, 3, 3).then],
      "the limit is the maxAttempts it is given (3 here), not always MAX_ATTEMPTS",
    ).toEqual(["retry", "dead-letter"]);
  });

  it("When a message comes back past its last attempt, then it is parked, not retried", () => {
    // a dead letter's count is kept on the message; a copy sent back by hand may carry it
    expect(
      whatNext(threw, MAX + 3, MAX).then,
      "give up after MAX_ATTEMPTS: a message that never succeeds must not loop forever",
    ).toBe("dead-letter");
  });
});
