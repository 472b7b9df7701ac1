// One HTTP call to another service: the correlation id travels along, and every attempt is
// counted, so a learner can see how chatty placing one order has become.
import type { Method } from "axios";
import { http } from "../../../../http-client.ts";

export interface CallContext {
  correlationId: string;
  /** Downstream HTTP calls made for this request so far, retries included. */
  calls: number;
  /** Aborts this request's forward calls, retries included, when its time is up (budget.ts). */
  deadline?: AbortSignal;
}

export async function send<T>(
  ctx: CallContext,
  signal: AbortSignal,
  request: { method: Method; url: string; data?: unknown; headers?: Record<string, string> },
): Promise<T> {
  ctx.calls += 1;
  const response = await http.request<T>({
    ...request,
    signal,
    headers: { "x-correlation-id": ctx.correlationId, ...request.headers },
  });
  return response.data;
}
