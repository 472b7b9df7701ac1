// Idempotency-Key: a repeated POST returns the first answer and changes nothing.
import { toErrorResponse } from "@shop/kit";
import type { Prisma } from "../../../../generated/prisma/client.ts";
import { inTransaction, type PrismaClient } from "../../../../prisma/client.ts";
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
  // #region exercise 01.2: replay the first answer for an Idempotency-Key
  throw new Error("TODO exercise 01.2: replay the first answer for an Idempotency-Key (npx workshop hint 01.2)");
  // #endregion
}
