// Exercise 03.6: poison or transient. What becomes of a message its consumer could not take:
// which failures wait in a retry queue and come back, which are parked in the .dlq at once, and
// when a message that keeps failing is given up on.
import { describe, expect, it } from "vitest";
import { whatNext, type Failure } from "../failures.ts";

const queue = "payments.order-events";
const threw: Failure = { kind: "handler-failed", reason: "no payment for order o-1 yet" };
const broken: Failure = { kind: "breaks-its-contract", reason: "data.orderId: Required" };
const MAX = 6;

describe("whatNext, for a message that was not handled", () => {
  it("When it breaks its contract, then it is parked at its first attempt: no retry can fix it", () => {
    expect(
      whatNext(queue, broken, 1, MAX),
      "a message that breaks its contract is poison: dead-letter it at once, do not retry it",
    ).toEqual({ then: "dead-letter", queue: `${queue}.dlq` });
  });

  it("When its handler fails the first time, then it waits in the first retry queue", () => {
    expect(
      whatNext(queue, threw, 1, MAX),
      "a handler that threw may succeed later (its event on the way, a restart): retry it",
    ).toEqual({ then: "retry", queue: `${queue}.retry.1` });
  });

  it("When it keeps failing, then each retry waits longer, the Nth in the Nth retry queue", () => {
    const waits = [2, 3, 4].map((attempt) => whatNext(queue, threw, attempt, MAX).queue);

    expect(waits, "attempt N goes to .retry.N: the waits grow").toEqual([
      `${queue}.retry.2`,
      `${queue}.retry.3`,
      `${queue}.retry.4`,
    ]);
  });

  it("When it has failed more often than there are retry queues, then it waits in the longest", () => {
    expect(
      whatNext(queue, threw, 5, MAX),
      "there are four retry queues: the longest wait (the 4th) takes every later retry",
    ).toEqual({ then: "retry", queue: `${queue}.retry.4` });
  });

  it("When its last attempt fails, then it is parked, and not one attempt sooner", () => {
    expect(
      whatNext(queue, threw, MAX, MAX),
      "give up after MAX_ATTEMPTS: a message that never succeeds must not loop forever",
    ).toEqual({ then: "dead-letter", queue: `${queue}.dlq` });
    expect(
      whatNext(queue, threw, MAX - 1, MAX).then,
      "give up after MAX_ATTEMPTS, not before: each attempt rides out more trouble",
    ).toBe("retry");
    expect(
      [whatNext(queue, threw, 2, 3).then, whatNext(queue, threw, 3, 3).then],
      "the limit is the maxAttempts it is given (3 here), not always MAX_ATTEMPTS",
    ).toEqual(["retry", "dead-letter"]);
  });

  it("When a message comes back past its last attempt, then it is parked, not retried", () => {
    // a dead letter's count is kept on the message; a copy sent back by hand may carry it
    expect(
      whatNext(queue, threw, MAX + 3, MAX).then,
      "give up after MAX_ATTEMPTS: a message that never succeeds must not loop forever",
    ).toBe("dead-letter");
  });
});
