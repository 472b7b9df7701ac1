import { send, type CallContext } from "./http.ts";
import type { Caller } from "./resilience.ts";

export function shippingClient(baseUrl: string, caller: Caller) {
  return {
    schedule: (ctx: CallContext, orderId: string) =>
      caller.call(
        (signal) => send(ctx, signal, { method: "PUT", url: `${baseUrl}/shipments/${orderId}` }),
        ctx.deadline,
      ),
    cancel: (ctx: CallContext, orderId: string) =>
      caller.call(
        (signal) =>
          send(ctx, signal, { method: "POST", url: `${baseUrl}/shipments/${orderId}/cancel` }),
        ctx.deadline,
      ),
  };
}
