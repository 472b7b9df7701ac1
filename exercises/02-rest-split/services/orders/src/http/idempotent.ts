// Idempotency-Key: a repeated POST returns the first answer and changes nothing. With the work
// spread over several services there is no transaction to hold the key in, so the key is claimed
// before the work and answered after it.
import { toErrorResponse } from "@shop/kit";
import type { PrismaClient } from "../../prisma/client.ts";
import { answerKey, claimKey, releaseKey, requestHash, type StoredResponse } from "../db/idempotency.ts";

/** Refusals that are the final answer to this request; a repeat must get the same one. */
const FINAL_REFUSALS = new Set(["UNKNOWN_SKU", "OUT_OF_STOCK", "PAYMENT_DECLINED"]);

export class IdempotencyKeyInUse extends Error {
  readonly code = "IDEMPOTENCY_KEY_IN_USE";
  constructor() {
    super("A request with this Idempotency-Key is still being handled; try again in a moment");
  }
}

export async function idempotent(
  db: PrismaClient,
  key: string | undefined,
  request: unknown,
  work: () => Promise<StoredResponse>,
  waitMs = 15_000,
): Promise<StoredResponse> {
  if (key === undefined) return work();
  const hash = requestHash(request);
  const deadline = Date.now() + waitMs;
  for (let claim = await claimKey(db, key, hash); claim !== null; claim = await claimKey(db, key, hash)) {
    if (claim.answer) return claim.answer;
    if (Date.now() > deadline) throw new IdempotencyKeyInUse();
    await new Promise((resolve) => setTimeout(resolve, 25)); // the first request is still at work
  }
  try {
    const response = await work();
    await answerKey(db, key, response);
    return response;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== "string" || !FINAL_REFUSALS.has(code)) {
      await releaseKey(db, key); // nothing decided: a retry may succeed
      throw error;
    }
    const { status, body } = toErrorResponse(error);
    const refusal = { statusCode: status, body };
    await answerKey(db, key, refusal);
    return refusal;
  }
}
