// Which instance of a service to ask first: orders asks payments, the gateway each service it
// passes requests to. In order (exercise 02.4's tests): always the first, the next only on
// failover. Round robin (the step): each call starts one further along, so instances share the
// load; an instance that just failed (unavailable) goes to the back of the line for a while, so
// calls stop paying its timeout first, then it is given another chance.
// Pure: the clock is a parameter.
import { DependencyUnavailable } from "@shop/kit";

export interface Balancer<I> {
  /** The instances in the order this call should ask them. */
  order(): I[];
  /** What became of a call to `instance` (the same promise, passed through). */
  track<T>(instance: I, call: Promise<T>): Promise<T>;
}

export function inOrder<I>(instances: I[]): Balancer<I> {
  return { order: () => instances, track: (_instance, call) => call };
}

/** How long an instance that was unavailable is asked last (passive health: no probes). */
export const SET_ASIDE_MS = 2_000;

export function roundRobin<I>(
  instances: I[],
  { setAsideMs = SET_ASIDE_MS, now = Date.now } = {},
): Balancer<I> {
  let next = 0;
  const asideUntil = new Map<I, number>();
  const healthy = (instance: I) => (asideUntil.get(instance) ?? 0) <= now();
  return {
    order() {
      const start = next;
      next = (next + 1) % Math.max(instances.length, 1);
      const turn = [...instances.slice(start), ...instances.slice(0, start)];
      // set aside, not left out: when all are, they are still worth a try
      return [...turn.filter(healthy), ...turn.filter((i) => !healthy(i))];
    },
    async track(instance, call) {
      try {
        const answer = await call;
        asideUntil.delete(instance);
        return answer;
      } catch (error) {
        if (error instanceof DependencyUnavailable) asideUntil.set(instance, now() + setAsideMs);
        throw error;
      }
    },
  };
}
