// Idempotency-Key: a repeated POST gets the first answer and places nothing twice. The key points
// at the order placed for it. While that order's saga runs, a repeat waits for its answer. Past
// the saga's deadline its driver is gone (orders died): the repeat takes it over and finishes the
// same order, so the other services' keys (charge-<order id>) see a repeat, not a new charge.
// When the order was undone (a dependency was down), nothing was kept: a repeat places anew.
import type { PrismaClient } from "../../prisma/client.ts";
import { keyState, requestHash, type StoredResponse } from "../db/idempotency.ts";
import { takeOver } from "../db/saga.ts";
import type { KeyClaim } from "../place-order.ts";

export class IdempotencyKeyInUse extends Error {
  readonly code = "IDEMPOTENCY_KEY_IN_USE";
  constructor() {
    super("A request with this Idempotency-Key is still being handled; try again in a moment");
  }
}

export interface OrderWork {
  /** Places a new order under the claim; null when another request claimed the key first. */
  place(claim?: KeyClaim): Promise<StoredResponse | null>;
  /** Finishes the key's order, whose saga this request now holds. */
  resume(orderId: string): Promise<StoredResponse>;
}

export async function idempotent(
  db: PrismaClient,
  key: string | undefined,
  request: unknown,
  answerBy: Date,
  work: OrderWork,
) {
  if (key === undefined) return (await work.place())!;
  const hash = requestHash(request);
  for (;;) {
    const seen = await keyState(db, key, hash);
    if (seen.state === "answered") return seen.answer;
    if (seen.state === "free") {
      const answer = await work.place({ key, hash, undone: seen.undone });
      if (answer) return answer;
    } else if (await takeOver(db, seen.orderId, seen.deadlineAt, answerBy)) {
      return work.resume(seen.orderId);
    } else {
      if (Date.now() >= answerBy.getTime()) throw new IdempotencyKeyInUse();
      await new Promise((resolve) => setTimeout(resolve, 25)); // the first request is still at work
    }
  }
}
