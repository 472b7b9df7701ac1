// The first answer to a request with an Idempotency-Key, kept so that a repeat gets it again.
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

/** The stored answer for this key, if any; the same key with another body is an error, not a replay. */
export async function findResponse(
  db: Db,
  key: string,
  hash: string,
): Promise<StoredResponse | null> {
  const record = await db.idempotencyRecord.findUnique({ where: { key } });
  if (!record) return null;
  if (record.requestHash !== hash) throw new IdempotencyKeyReused();
  return { statusCode: record.statusCode, body: JSON.parse(record.body) };
}

export async function saveResponse(
  db: Db,
  key: string,
  hash: string,
  response: StoredResponse,
): Promise<void> {
  await db.idempotencyRecord.create({
    data: {
      key,
      requestHash: hash,
      statusCode: response.statusCode,
      body: JSON.stringify(response.body),
    },
  });
}
