// What becomes of a message its consumer could not take: tried again after a wait, or parked in
// its queue's `.dlq` at once. Poison (a message no retry can fix) must not loop through a minute of
// retries; a transient failure (an event on its way, a database busy, a restart) must not be
// parked for a human to replay. And a message that keeps failing must stop some time.
import { RETRY_DELAYS_MS } from "./topology.ts";

/** Six attempts ride out about a minute of trouble: waits of 0.2 + 1 + 5 + 30 + 30 s between them. */
export const MAX_ATTEMPTS = Number(process.env.MAX_ATTEMPTS ?? 6);

export type Failure =
  /** The message does not fit its contract (contracts.ts): the handler never saw it. */
  | { kind: "breaks-its-contract"; reason: string }
  /** The handler threw. */
  | { kind: "handler-failed"; reason: string };

/**
 * Where the message goes next: parked in its queue's .dlq, or back after a wait of
 * RETRY_DELAYS_MS[tier] (tier 0 is the shortest; the broker picks the retry queue that waits so).
 */
export type Verdict = { then: "dead-letter" } | { then: "retry"; tier: number };

/** `attempt` is 1 for a message's first delivery, 2 after one retry, and so on. */
export function whatNext(failure: Failure, attempt: number, maxAttempts = MAX_ATTEMPTS): Verdict {
  const deadLetter: Verdict = { then: "dead-letter" };
  // No retry can make a message fit its contract: park it now, with what is wrong.
  if (failure.kind === "breaks-its-contract") return deadLetter;
  if (attempt >= maxAttempts) return deadLetter;
  // The Nth failure waits the Nth wait; the last of them (30 s) takes every later one.
  const tier = Math.min(attempt, RETRY_DELAYS_MS.length) - 1;
  return { then: "retry", tier };
}
