// A projection is a read model built from the event store: a pure `apply` that folds events into
// rows, and a table to keep them in. The runner feeds it every event after its checkpoint, in
// order; a rebuild empties the table and feeds it every event from position 0.
import { inTransaction, type Db, type PrismaClient } from "../../prisma/client.ts";
import {
  checkpointOf,
  readAll,
  saveCheckpoint,
  type StoredEvent,
} from "../event-store/event-store.ts";

export interface Projection<Row> {
  name: string;
  /** The rows an event touches. */
  keysOf(event: StoredEvent): string[];
  /** Folds one event into the rows it touches (a missing row is created). */
  apply(rows: Map<string, Row>, event: StoredEvent): void;
  load(db: Db, keys: string[]): Promise<Map<string, Row>>;
  /** Replaces the given rows in the table. */
  save(db: Db, rows: Map<string, Row>): Promise<void>;
  clear(db: Db): Promise<void>;
}

/** Applies every event after the checkpoint, a batch per transaction (so concurrent callers queue). */
export async function catchUp<Row>(
  db: PrismaClient,
  projection: Projection<Row>,
  batchSize = 5_000,
): Promise<number> {
  let applied = 0;
  for (;;) {
    const count = await inTransaction(db, (tx) => applyNextBatch(tx, projection, batchSize));
    if (count === 0) return applied;
    applied += count;
  }
}

/**
 * Drops the read model and builds it again from the first event, in one transaction: until it
 * commits, every reader sees the old model, whole; then the new one, whole. Never half of one.
 */
export async function rebuild<Row>(
  db: PrismaClient,
  projection: Projection<Row>,
  batchSize = 5_000,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    await projection.clear(tx);
    await saveCheckpoint(tx, projection.name, 0);
    let applied = 0;
    for (;;) {
      const count = await applyNextBatch(tx, projection, batchSize);
      if (count === 0) return applied;
      applied += count;
    }
  });
}

async function applyNextBatch<Row>(
  tx: Db,
  projection: Projection<Row>,
  batchSize: number,
): Promise<number> {
  const events = await readAll(tx, await checkpointOf(tx, projection.name), batchSize);
  if (events.length === 0) return 0;
  const rows = await projection.load(tx, [...new Set(events.flatMap((e) => projection.keysOf(e)))]);
  for (const event of events) projection.apply(rows, event);
  await projection.save(tx, rows);
  await saveCheckpoint(tx, projection.name, events.at(-1)!.position);
  return events.length;
}
