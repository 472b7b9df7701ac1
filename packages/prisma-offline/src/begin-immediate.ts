// A transaction takes SQLite's write lock at its BEGIN (BEGIN IMMEDIATE), not at its first write.
// Prisma's adapter begins DEFERRED. When several processes share a file (three payments
// instances do), two transactions may both read, then both try to write: SQLite cannot let both
// go on, and fails one with SQLITE_BUSY ("Operation has timed out"), whatever the busy timeout.
// Taken at BEGIN, the lock makes the second one wait (the busy timeout), then read what the
// first one wrote. Measured here: 200 orders with three payments instances had 230-250 retries
// of such failures; none with this.
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";

interface WithClient {
  client?: { prepare(sql: string): unknown };
}

/**
 * The adapter runs its BEGIN through the better-sqlite3 handle it holds (`client`): that one
 * statement is swapped. beginImmediate.test.ts fails if an update of the adapter stops this.
 */
export function beginImmediately(connection: SqlDriverAdapter): SqlDriverAdapter {
  const client = (connection as WithClient).client;
  if (typeof client?.prepare !== "function")
    throw new Error("the SQLite adapter holds no better-sqlite3 client: BEGIN IMMEDIATE lost");
  const prepare = client.prepare.bind(client);
  client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
  return connection;
}
