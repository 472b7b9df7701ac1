// An Idempotency-Key points at the order placed for it. The key's final answer (201, or a final
// refusal such as 402) is written in the same transaction as the end of that order's saga.
import { createHash } from "node:crypto";
import type { Db } from "../../prisma/client.ts";

export interface StoredResponse {
  statusCode: number;
  body: unknown;
}

export class IdempotencyKeyReused extends Error {
  readonly code = "IDEMPOTENCY_KEY_REUSED";
  constructor() {
    super("This Idempotency-Key was already used with a different request body");
  }
}

export const requestHash = (request: unknown) =>
  createHash("sha256").update(JSON.stringify(request)).digest("hex");

export type KeyState =
  /** Never used, or its order was undone (`undone`): a new order may go under it. */
  | { state: "free"; undone?: string }
  | { state: "answered"; answer: StoredResponse }
  /** Its order's saga is running, or its driver died: held until `deadlineAt`. */
  | { state: "working"; orderId: string; deadlineAt: Date };

export async function keyState(db: Db, key: string, hash: string): Promise<KeyState> {
  const record = await db.idempotencyRecord.findUnique({ where: { key } });
  if (!record) return { state: "free" };
  if (record.requestHash !== hash) throw new IdempotencyKeyReused();
  if (record.statusCode !== null) {
    return {
      state: "answered",
      answer: { statusCode: record.statusCode, body: JSON.parse(record.body!) },
    };
  }
  const order = await db.order.findUnique({
    where: { id: record.orderId },
    select: { status: true, deadlineAt: true },
  });
  if (order?.status === "PENDING")
    return { state: "working", orderId: record.orderId, deadlineAt: order.deadlineAt! };
  return { state: "free", undone: record.orderId };
}

/**
 * In the transaction that writes the new order: points the key at it, if the key is still as it
 * was seen (unused, or pointing at the order that was undone). False: another request was first.
 */
export async function claimKey(
  tx: Db,
  key: string,
  hash: string,
  orderId: string,
  undone?: string,
): Promise<boolean> {
  const record = await tx.idempotencyRecord.findUnique({ where: { key } });
  if (record?.orderId !== undone || record?.statusCode != null) return false;
  await tx.idempotencyRecord.upsert({
    where: { key },
    create: { key, requestHash: hash, orderId },
    update: { orderId, createdAt: new Date() },
  });
  return true;
}

/** The answer every repeat of the key gets from now on. */
export async function answerKey(tx: Db, orderId: string, answer: StoredResponse): Promise<void> {
  const data = { statusCode: answer.statusCode, body: JSON.stringify(answer.body) };
  await tx.idempotencyRecord.updateMany({ where: { orderId, statusCode: null }, data });
}
