// A service may run as several instances on one database (`npm start -- 02 --scale orders=2`).
// The gateway spreads its requests over them, round robin, and asks another instance only when
// the first one refused the connection: that request never reached it. After a timeout or a
// dropped answer the first one may have done it, and an order must not be placed twice.
import { DependencyUnavailable } from "@shop/kit";
import { roundRobin, type Balancer } from "../../../../balance.ts";

/** Unavailable, and the request never left: safe to send to another instance. */
export class NotReached extends DependencyUnavailable {}

/** What a failed call to `service` means for the shopper: a 503 naming it. */
export function unavailable(service: string, error: unknown): DependencyUnavailable {
  const refused = (error as { code?: string } | null)?.code === "ECONNREFUSED";
  return refused
    ? new NotReached(service, "connection refused")
    : new DependencyUnavailable(service, "no answer");
}

export interface Instances {
  service: string;
  /** `call` with an instance's URL, round robin; with the next one only if it was not reached. */
  ask<T>(call: (baseUrl: string) => Promise<T>): Promise<T>;
}

export function instances(
  service: string,
  urls: string[],
  balancer: Balancer<string> = roundRobin(urls),
): Instances {
  return {
    service,
    async ask(call) {
      const order = balancer.order();
      for (const [i, url] of order.entries()) {
        const attempt = call(url).catch((error: unknown) => {
          throw error instanceof DependencyUnavailable ? error : unavailable(service, error);
        });
        try {
          return await balancer.track(url, attempt);
        } catch (error) {
          if (!(error instanceof NotReached) || i === order.length - 1) throw error;
        }
      }
      throw new DependencyUnavailable(service, "no instance configured");
    },
  };
}
