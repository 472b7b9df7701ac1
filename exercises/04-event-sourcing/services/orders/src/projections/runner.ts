// When the read models follow the store. Async (the default): a write appends its events and
// answers; the projections catch up in their own loop, woken by the writes, and each run waits
// BATCH_WINDOW_MS before the next, so that the writes of that moment are applied together, a
// batch per transaction. Inline (PROJECTIONS=inline): every write waits until they are up to
// date, so the list never lags, and each request pays for it. The trade-off is the lesson.
import type { Logger } from "@shop/kit";
import type { Broker } from "../../../../messaging/broker.ts";
import { startPump } from "../../../../messaging/pump.ts";
import type { PrismaClient } from "../../prisma/client.ts";
import { catchUpAll } from "./index.ts";

export type ProjectionMode = "inline" | "async";

/** After a run, the loop waits this long before the next: the list lags by about as much more. */
export const BATCH_WINDOW_MS = 20;

export function projectionMode(value = process.env.PROJECTIONS): ProjectionMode {
  if (value === undefined || value === "" || value === "async") return "async";
  if (value === "inline") return "inline";
  throw new Error(`PROJECTIONS must be inline or async, not "${value}"`);
}

export interface Projections {
  mode: ProjectionMode;
  /** After a commit: inline, catch up before returning; async, wake the loop and return. */
  afterWrite(): Promise<void>;
  stop(): Promise<void>;
}

/** `paused` is the workshop's switch: while it is on, the loop leaves the read models behind. */
export function startProjections(
  db: PrismaClient,
  broker: Broker,
  log: Logger,
  mode: ProjectionMode,
  { pollMs = 100, paused = (): boolean => false } = {},
): Projections {
  if (mode === "inline") {
    // the write is committed: a read model that fails to follow is logged, not the request's error
    const afterWrite = () =>
      catchUpAll(db).catch((error) =>
        log.warn(
          { err: String(error) },
          "projections: catch-up failed; the next write tries again",
        ),
      );
    return { mode, afterWrite, stop: async () => {} };
  }
  const drain = async () => {
    if (!paused()) await catchUpAll(db);
    // the writes of the next moment wait for one run together: fewer, larger transactions
    await new Promise((resolve) => setTimeout(resolve, BATCH_WINDOW_MS));
  };
  const pump = startPump("projections", drain, broker, log, pollMs);
  return { mode, afterWrite: async () => pump.kick(), stop: () => pump.stop() };
}
