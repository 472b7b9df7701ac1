import { send, type CallContext } from "./http.ts";
import type { Caller } from "./resilience.ts";

export function inventoryClient(baseUrl: string, caller: Caller) {
  return {
    /** The Idempotency-Key makes a retried reservation safe: inventory reserves once per key. */
    reserve: (ctx: CallContext, orderId: string, items: { sku: string; qty: number }[]) =>
      caller.call(
        (signal) =>
          send(ctx, signal, {
            method: "POST",
            url: `${baseUrl}/reservations`,
            data: { orderId, items },
            headers: { "Idempotency-Key": `reserve-${orderId}` },
          }),
        ctx.deadline,
      ),
    release: (ctx: CallContext, orderId: string) =>
      caller.call(
        (signal) =>
          send(ctx, signal, { method: "POST", url: `${baseUrl}/reservations/${orderId}/release` }),
        ctx.deadline,
      ),
  };
}
