// Handling a command: read the stream, fold it into the state, decide, and append with the
// version that was read. When another writer got there first, read again and decide again.
import type { Db } from "../prisma/client.ts";
import {
  append,
  ConcurrencyConflict,
  readStream,
  type Metadata,
  type StoredEvent,
} from "./event-store/event-store.ts";

export interface Decider<C extends { type: string }, E extends { type: string; data: unknown }, S> {
  initialState: S;
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  streamOf(command: C): string;
}

export interface Handled<E extends { type: string; data: unknown }, S> {
  state: S;
  events: StoredEvent<E>[];
  /** How many times another writer got there first and the command was decided again. */
  conflicts: number;
}

export const MAX_CONFLICT_RETRIES = 50;

export async function handleCommand<
  C extends { type: string },
  E extends { type: string; data: unknown },
  S,
>(db: Db, decider: Decider<C, E, S>, command: C, metadata: Metadata): Promise<Handled<E, S>> {
  const streamId = decider.streamOf(command);
  // #region exercise 04.3: retry on a version conflict
  throw new Error("TODO exercise 04.3: retry on a version conflict (npx workshop hint 04.3)");
  // #endregion
}
