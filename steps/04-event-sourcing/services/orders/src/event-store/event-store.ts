// The event store on Prisma and SQLite: an append-only table with a global position and, per
// stream, a version. Appending says which version it expects the stream to be at; the unique
// (streamId, version) index turns a concurrent writer into a ConcurrencyConflict.
import { randomUUID } from "node:crypto";
import type { Trace } from "../../../../messaging/envelope.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { Db } from "../../prisma/client.ts";
import { CURRENT_SCHEMA, upcast } from "./upcasters.ts";

/** Which request an event belongs to, and which message it follows from (as in every envelope). */
export type Metadata = Trace;

/** Any event: a type and its data. */
export type AnyEvent = { type: string; data: any };

/** Where an event sits in the store, and its metadata. */
export interface Stored {
  position: number;
  streamId: string;
  version: number;
  metadata: {
    correlationId: string;
    causationId: string | null;
    eventId: string;
    occurredAt: string;
  };
}

/** An event as stored; for a union of events, a union to switch on by type. */
export type StoredEvent<E extends { type: string; data: unknown } = AnyEvent> = E extends unknown
  ? Stored & E
  : never;

export class ConcurrencyConflict extends Error {
  readonly code = "CONCURRENCY_CONFLICT";
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
  ) {
    super(`Stream ${streamId} is no longer at version ${expectedVersion}`);
  }
}

type Row = {
  position: number;
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: string;
  metadata: string;
};

/** A row as the event its stream was given, upcast to today's schema: the caller names the kind. */
const toStored = <E extends AnyEvent>(row: Row) =>
  ({
    position: row.position,
    streamId: row.streamId,
    version: row.version,
    type: row.type,
    data: upcast(row.type, row.schemaVersion, JSON.parse(row.data)),
    metadata: JSON.parse(row.metadata),
  }) as StoredEvent<E>;

/**
 * Appends events at versions expectedVersion+1, +2, …; fails if the stream has moved on.
 * One INSERT … RETURNING for all of them: Prisma's createManyAndReturn does the same work at a
 * third of the speed (single appends) to a fifth (batches), see `npm run bench`.
 */
export async function append<E extends { type: string; data: unknown }>(
  db: Db,
  streamId: string,
  expectedVersion: number,
  events: E[],
  metadata: Metadata,
): Promise<StoredEvent<E>[]> {
  const occurredAt = new Date().toISOString();
  const rows = events.map((event, i) => ({
    streamId,
    version: expectedVersion + i + 1,
    type: event.type,
    schemaVersion: CURRENT_SCHEMA[event.type] ?? 1,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify({
      correlationId: metadata.correlationId,
      causationId: metadata.causationId ?? null,
      eventId: randomUUID(),
      occurredAt,
    }),
  }));
  const values = rows.map(
    (r) =>
      Prisma.sql`(${r.streamId}, ${r.version}, ${r.type}, ${r.schemaVersion}, ${r.data}, ${r.metadata})`,
  );
  try {
    const inserted = await db.$queryRaw<{ position: number; version: number }[]>`
      INSERT INTO "Event" ("streamId", "version", "type", "schemaVersion", "data", "metadata")
      VALUES ${Prisma.join(values)}
      RETURNING "position", "version"`;
    const positionOf = new Map(inserted.map((r) => [Number(r.version), Number(r.position)]));
    return rows.map((row) => toStored<E>({ ...row, position: positionOf.get(row.version)! }));
  } catch (error) {
    // the unique (streamId, version) index: someone appended this version first
    if (isUniqueViolation(error)) throw new ConcurrencyConflict(streamId, expectedVersion);
    throw error;
  }
}

/** A raw query's failure carries the database's reason, as the driver adapter classified it. */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const cause = (error.meta?.driverAdapterError as { cause?: { kind?: string } } | undefined)
    ?.cause;
  return cause?.kind === "UniqueConstraintViolation";
}

/** One stream, oldest first; `toVersion` stops there (time travel). */
export async function readStream<E extends AnyEvent = AnyEvent>(
  db: Db,
  streamId: string,
  { toVersion }: { toVersion?: number } = {},
): Promise<StoredEvent<E>[]> {
  const rows = await db.event.findMany({
    where: { streamId, ...(toVersion === undefined ? {} : { version: { lte: toVersion } }) },
    orderBy: { version: "asc" },
  });
  return rows.map((row) => toStored<E>(row));
}

/** Every stream, in the order the events were stored, after `afterPosition`. */
export async function readAll<E extends AnyEvent = AnyEvent>(
  db: Db,
  afterPosition: number,
  limit = 1_000,
): Promise<StoredEvent<E>[]> {
  const rows = await db.event.findMany({
    where: { position: { gt: afterPosition } },
    orderBy: { position: "asc" },
    take: limit,
  });
  return rows.map((row) => toStored<E>(row));
}

/** The position of the last event stored (0: none yet). */
export async function headPosition(db: Db): Promise<number> {
  return (await db.event.aggregate({ _max: { position: true } }))._max.position ?? 0;
}

export async function checkpointOf(db: Db, name: string): Promise<number> {
  return (await db.checkpoint.findUnique({ where: { name } }))?.position ?? 0;
}

export async function saveCheckpoint(db: Db, name: string, position: number): Promise<void> {
  await db.checkpoint.upsert({ where: { name }, create: { name, position }, update: { position } });
}
