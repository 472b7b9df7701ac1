// The compensation loop, started with the service: every COMPENSATION_INTERVAL_MS it ends the
// sagas whose driver is gone (PENDING past their deadline, after a crash) and tries again the
// undos still owed whose time has come. It is what makes "undo" mean "eventually undone".
import type { Logger } from "@shop/kit";
import type { PrismaClient } from "../prisma/client.ts";
import type { CallContext } from "./clients/http.ts";
import { undoWhatIsOwed } from "./compensation.ts";
import type { Dependencies } from "./dependencies.ts";
import { ordersOwingUndos, sagasPastDeadline } from "./db/saga.ts";
import { endOrphan } from "./saga.ts";

export const COMPENSATION_INTERVAL_MS = Number(process.env.COMPENSATION_INTERVAL_MS ?? 500);

export function startCompensationLoop(
  db: PrismaClient,
  dependencies: (ctx: CallContext) => Dependencies,
  log: Logger,
  intervalMs = COMPENSATION_INTERVAL_MS,
): { stop(): Promise<void> } {
  async function round() {
    for (const saga of await sagasPastDeadline(db)) await endOrphan(db, saga, log);
    for (const orderId of await ordersOwingUndos(db)) {
      await undoWhatIsOwed(
        db,
        dependencies({ correlationId: `compensation-${orderId}`, calls: 0 }).undo,
        orderId,
        log,
      );
    }
  }
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const next = () => {
    timer = setTimeout(() => {
      running = round()
        .catch((error) =>
          log.error(
            { err: error },
            "compensation loop: this round failed, the next one tries again",
          ),
        )
        .finally(() => stopped || next());
    }, intervalMs);
  };
  next();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running; // a round under way finishes: its undo calls are written down as done or not
    },
  };
}
