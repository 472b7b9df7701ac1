// What orders owes back is written down (Compensation rows) before it is tried, so that no
// failure, not even orders dying, can forget it. Each undo is tried once at once; the compensation
// loop tries again what is left, with backoff, until the service takes it. Release, refund and
// cancel are safe to repeat, and do nothing when the step they undo never happened.
import type { Logger } from "@shop/kit";
import type { PrismaClient } from "../prisma/client.ts";
import type { UndoCalls } from "./dependencies.ts";
import { finishCancel, markFailed, markUndone, owedUndos, postpone } from "./db/saga.ts";

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5_000;

/** 250 ms after the first failed try, then 500 ms, 1 s, … at most 5 s. */
const backoff = (tries: number) => Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (tries - 1));

/**
 * Tries the undos the order still owes, in order. A shipment not yet cancelled holds back the
 * rest: while it may still go out, its stock stays reserved and its payment kept. True when
 * nothing is owed any more (a CANCELLING order is then CANCELLED).
 */
export async function undoWhatIsOwed(
  db: PrismaClient,
  undo: UndoCalls,
  orderId: string,
  log: Logger,
): Promise<boolean> {
  let failedTries = 0;
  for (const owed of await owedUndos(db, orderId)) {
    try {
      await undo[owed.action](orderId);
      await markUndone(db, owed);
      log.info({ orderId, undo: owed.action }, "compensation: undone");
    } catch (error) {
      const tries = await markFailed(db, owed, error);
      if (tries === 0) continue; // another try did it meanwhile
      failedTries = Math.max(failedTries, tries);
      log.warn(
        { orderId, undo: owed.action, tries, err: error },
        "compensation: undo failed, the loop will try again",
      );
      if (owed.action === "cancelShipment") break; // the parcel may still go out: give nothing else back yet
    }
  }
  if (failedTries > 0) {
    await postpone(db, orderId, new Date(Date.now() + backoff(failedTries)));
    return false;
  }
  await finishCancel(db, orderId);
  return true;
}
