// Two payments instances over one database. A charge goes to the first in the balancer's order
// (round robin in the step: balance.ts); when that one is unavailable (down, timing out, or its
// breaker open), it fails over to the next. The Idempotency-Key makes that safe: if the first
// one did charge but its answer was lost, the second returns that payment.
import { DependencyUnavailable, type Logger } from "@shop/kit";
import { send, type CallContext } from "./http.ts";
import { inOrder, type Balancer } from "../../../../balance.ts";
import type { Caller } from "./resilience.ts";

export interface Instance {
  url: string;
  caller: Caller;
}

export function paymentsClient(
  all: Instance[],
  log: Logger,
  balancer: Balancer<Instance> = inOrder(all),
) {
  async function withFailover<T>(
    ctx: CallContext,
    attempt: (instance: Instance) => Promise<T>,
  ): Promise<T> {
    const instances = balancer.order(); // this call's order (round robin in the step)
    const call = (instance: Instance) => balancer.track(instance, attempt(instance));
    // One instance: nothing to fail over to (and step 02.2's tests, with one, need no 02.4).
    if (instances.length === 1) return call(instances[0]!);
    // #region exercise 02.4: failover
    for (const [i, instance] of instances.entries()) {
      try {
        return await call(instance);
      } catch (error) {
        const next = instances[i + 1];
        if (!(error instanceof DependencyUnavailable) || !next) throw error;
        log.warn(
          {
            correlationId: ctx.correlationId,
            dependency: "payments",
            from: instance.url,
            to: next.url,
          },
          "payments unavailable: failing over",
        );
      }
    }
    throw new DependencyUnavailable("payments", "no instance configured");
    // #endregion
  }

  return {
    charge: (ctx: CallContext, orderId: string, amountCents: number, card: string) =>
      withFailover(ctx, ({ url, caller }) =>
        caller.call(
          (signal) =>
            send(ctx, signal, {
              method: "POST",
              url: `${url}/payments`,
              data: { orderId, amountCents, card },
              headers: { "Idempotency-Key": `charge-${orderId}` },
            }),
          ctx.deadline,
        ),
      ),
    refund: (ctx: CallContext, orderId: string) =>
      withFailover(ctx, ({ url, caller }) =>
        caller.call(
          (signal) =>
            send(ctx, signal, { method: "POST", url: `${url}/payments/${orderId}/refund` }),
          ctx.deadline,
        ),
      ),
  };
}
