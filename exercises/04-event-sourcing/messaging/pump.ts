// Runs `drain` over and over: on every kick, after every message a consumer handled, and every
// pollMs; never twice at once (a kick during a run asks for one more run). A failed run is logged
// and tried again at the next kick: nothing is skipped, the order holds.
import type { Logger } from "@shop/kit";
import type { Broker } from "./broker.ts";

export interface Pump {
  /** Run now rather than at the next poll: call after a commit. */
  kick(): void;
  stop(): Promise<void>;
}

export function startPump(
  name: string,
  drain: () => Promise<void>,
  broker: Broker,
  log: Logger,
  pollMs = 100,
): Pump {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((error) =>
        log.warn({ err: String(error) }, `${name}: this run failed; the next one tries again`),
      )
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
  };

  const timer = setInterval(kick, pollMs);
  broker.afterEachMessage(kick);
  kick();
  return {
    kick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
