// Idempotency-Key: a repeated POST returns the first answer and changes nothing.
import { toErrorResponse } from "@shop/kit";
import type { Prisma } from "../../generated/prisma/client.ts";
import { inTransaction, type PrismaClient } from "../../prisma/client.ts";
import { findResponse, requestHash, saveResponse, type StoredResponse } from "../db/idempotency.ts";

/** Refusals that are the final answer to this request; a repeat must get the same one. */
const FINAL_REFUSALS = new Set(["UNKNOWN_SKU", "OUT_OF_STOCK", "PAYMENT_DECLINED"]);

export async function idempotent(
  db: PrismaClient,
  key: string | undefined,
  request: unknown,
  work: (tx: Prisma.TransactionClient) => Promise<StoredResponse>,
): Promise<StoredResponse> {
  if (key === undefined) return inTransaction(db, work);
  const hash = requestHash(request);
  try {
    // The key is looked up and stored in the same transaction as the work: both happen, or neither.
    return await inTransaction(db, async (tx) => {
      const earlier = await findResponse(tx, key, hash);
      if (earlier) return earlier;
      const response = await work(tx);
      await saveResponse(tx, key, hash, response);
      return response;
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== "string" || !FINAL_REFUSALS.has(code)) throw error; // nothing decided: a retry may succeed
    // The work was rolled back with its transaction; remember only the refusal itself.
    const { status, body } = toErrorResponse(error);
    const refusal = { statusCode: status, body };
    await inTransaction(db, async (tx) => {
      if (!(await findResponse(tx, key, hash))) await saveResponse(tx, key, hash, refusal);
    });
    return refusal;
  }
}
