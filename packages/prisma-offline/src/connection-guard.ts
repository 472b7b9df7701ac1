// Prisma's SQLite adapter gives a client one connection and queues transactions only, so a query
// made outside an open interactive transaction runs inside it: it reads that transaction's
// uncommitted rows, and its write is undone if that transaction rolls back. This wraps the adapter
// so that, on each connection, a transaction holds a lock from BEGIN until its commit or rollback
// and every query outside it waits for that lock. The transaction's own queries never take it.
//
// Why the driver adapter and not a client extension ($extends): the adapter sees every BEGIN,
// including the ones Prisma opens by itself for a nested write, and raw queries ($queryRaw,
// $executeRaw) come through the same two methods as model queries. An extension would also change
// the client's type in every step. The lock lives in this process only: other processes sharing
// the file wait on SQLite's own lock (the busy timeout), not on this one.
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { beginImmediately } from "./begin-immediate.ts";

/** A first-come, first-served lock. Taken at once, with no extra turn of the event loop, when free. */
class FifoLock {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Hands the lock straight to the next waiter, so nobody can cut in between. */
  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    // When free, `work` starts in this same call: a query's order with the others is unchanged.
    if (this.#held) await this.acquire();
    else this.#held = true;
    try {
      return await work();
    } finally {
      this.release();
    }
  }
}

/** Wraps a driver adapter factory: each connection it opens gets its own lock. */
export function guardConnections(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => guardConnection(beginImmediately(await factory.connect())),
  };
}

function guardConnection(connection: SqlDriverAdapter): SqlDriverAdapter {
  const lock = new FifoLock();
  const guarded: SqlDriverAdapter = {
    provider: connection.provider,
    adapterName: connection.adapterName,
    queryRaw: (query: SqlQuery) => lock.run(() => connection.queryRaw(query)),
    executeRaw: (query: SqlQuery) => lock.run(() => connection.executeRaw(query)),
    executeScript: (script: string) => lock.run(() => connection.executeScript(script)),
    async startTransaction(isolationLevel?: IsolationLevel) {
      await lock.acquire();
      try {
        return releasingOnEnd(await connection.startTransaction(isolationLevel), () =>
          lock.release(),
        );
      } catch (error) {
        lock.release();
        throw error;
      }
    },
    // Not guarded: Prisma cancels its open transactions before it disposes of the connection.
    dispose: () => connection.dispose(),
  };
  // Prisma calls it only when present, and reads "no info" differently from an empty answer.
  if (connection.getConnectionInfo)
    guarded.getConnectionInfo = connection.getConnectionInfo.bind(connection);
  return guarded;
}

/**
 * The transaction as is, except that its end releases the lock. Prisma sends COMMIT or ROLLBACK
 * through `executeRaw` and then always calls `commit()` or `rollback()`, even when that SQL failed.
 */
function releasingOnEnd(tx: Transaction, release: () => void): Transaction {
  let released = false;
  const end = async (finish: () => Promise<void>) => {
    try {
      await finish();
    } finally {
      if (!released) {
        released = true;
        release();
      }
    }
  };
  const guarded: Transaction = {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query: SqlQuery) => tx.queryRaw(query),
    executeRaw: (query: SqlQuery) => tx.executeRaw(query),
    commit: () => end(() => tx.commit()),
    rollback: () => end(() => tx.rollback()),
  };
  // Nested $transaction calls use savepoints; Prisma rejects them if these methods are missing.
  if (tx.createSavepoint) guarded.createSavepoint = tx.createSavepoint.bind(tx);
  if (tx.rollbackToSavepoint) guarded.rollbackToSavepoint = tx.rollbackToSavepoint.bind(tx);
  if (tx.releaseSavepoint) guarded.releaseSavepoint = tx.releaseSavepoint.bind(tx);
  return guarded;
}
