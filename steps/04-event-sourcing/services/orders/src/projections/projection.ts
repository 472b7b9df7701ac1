// A projection is a read model built from the event store: a pure `apply` folds an event into
// each row it touches, and a table keeps the rows. The runner feeds it every event after its
// checkpoint, in order; a rebuild empties the table and feeds it every event from position 0.
import { inTransaction, type Db, type PrismaClient } from "../../prisma/client.ts";
import type { OrderEvent } from "../domain/order.ts";
import {
  checkpointOf,
  readAll,
  saveCheckpoint,
  type StoredEvent,
} from "../event-store/event-store.ts";

/** The store holds the orders' streams. */
type Event = StoredEvent<OrderEvent>;

export interface Projection<Row> {
  name: string;
  /** The keys of the rows an event touches. */
  keysOf(event: Event): string[];
  /** Pure: row `key` after the event, from the row before it (undefined: none yet). */
  apply(row: Row | undefined, event: Event, key: string): Row | undefined;
  load(db: Db, keys: string[]): Promise<Map<string, Row>>;
  /** Replaces the given rows in the table. */
  save(db: Db, rows: Map<string, Row>): Promise<void>;
  clear(db: Db): Promise<void>;
}

/**
 * Applies every event after the checkpoint, a batch per transaction (so concurrent callers
 * queue). A batch shorter than batchSize was the last one.
 */
export async function catchUp<Row>(
  db: PrismaClient,
  projection: Projection<Row>,
  batchSize = 5_000,
): Promise<number> {
  let applied = 0;
  for (;;) {
    const count = await inTransaction(db, (tx) => applyNextBatch(tx, projection, batchSize));
    applied += count;
    if (count < batchSize) return applied;
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
  const after = await checkpointOf(tx, projection.name);
  const events = await readAll<OrderEvent>(tx, after, batchSize);
  if (events.length === 0) return 0;
  const rows = await projection.load(tx, [...new Set(events.flatMap((e) => projection.keysOf(e)))]);
  for (const event of events) {
    for (const key of projection.keysOf(event)) {
      const row = projection.apply(rows.get(key), event, key);
      if (row) rows.set(key, row);
    }
  }
  await projection.save(tx, rows);
  await saveCheckpoint(tx, projection.name, events.at(-1)!.position);
  return events.length;
}
