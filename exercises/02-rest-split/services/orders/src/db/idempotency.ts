// The first answer to a request with an Idempotency-Key, kept so that a repeat gets it again.
// Without one transaction around the whole order, the key is claimed first and answered last.
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

export const requestHash = (request: unknown) => createHash("sha256").update(JSON.stringify(request)).digest("hex");

/**
 * Claims the key for this request. Returns null when the claim is ours (go and do the work), or
 * the record someone else made: with its answer, or still without one while they work.
 */
export async function claimKey(db: Db, key: string, hash: string): Promise<{ answer: StoredResponse | null } | null> {
  const created = await db.idempotencyRecord.createMany({ data: [{ key, requestHash: hash }] }).catch(() => ({ count: 0 }));
  if (created.count === 1) return null;
  const record = await db.idempotencyRecord.findUnique({ where: { key } });
  if (!record) return claimKey(db, key, hash); // released between our insert and our read
  if (record.requestHash !== hash) throw new IdempotencyKeyReused();
  return { answer: record.statusCode === null ? null : { statusCode: record.statusCode, body: JSON.parse(record.body!) } };
}

export async function answerKey(db: Db, key: string, response: StoredResponse): Promise<void> {
  await db.idempotencyRecord.update({ where: { key }, data: { statusCode: response.statusCode, body: JSON.stringify(response.body) } });
}

/** Gives the key back: nothing was decided, so a retry may do the work. */
export async function releaseKey(db: Db, key: string): Promise<void> {
  await db.idempotencyRecord.deleteMany({ where: { key, statusCode: null } });
}

export async function findAnswer(db: Db, key: string): Promise<StoredResponse | null> {
  const record = await db.idempotencyRecord.findUnique({ where: { key } });
  return record?.statusCode == null ? null : { statusCode: record.statusCode, body: JSON.parse(record.body!) };
}
