// Within the orders process: who is watching which order (the storefront's live status, over
// server-sent events). A handler announces each status change after its transaction committed.
import { EventEmitter } from "node:events";
import type { Order } from "../domain/order.ts";

export class StatusFeed {
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  announce(order: Order): void {
    this.#emitter.emit(order.id, order);
  }

  /** How many are watching this order (a closed page must stop watching). */
  watchers(orderId: string): number {
    return this.#emitter.listenerCount(orderId);
  }

  /** Returns the function that stops watching. */
  watch(orderId: string, listener: (order: Order) => void): () => void {
    this.#emitter.on(orderId, listener);
    return () => this.#emitter.off(orderId, listener);
  }
}
