// The whole message topology of this step in one place: one topic exchange, and one durable queue
// per consumer and purpose, bound to the events it needs. Each queue gets a `.retry` queue (a
// short delay, then back) and a `.dlq` (messages that kept failing). Every name starts with the
// step's own prefix ("NN-name."), so two steps on one broker never take each other's messages;
// tests run under a prefix of their own (SHOP_NAMESPACE) and delete what they declared.
import { join } from "node:path";
import { brokerNamespace } from "@shop/kit";

export const EXCHANGE = "shop.events";

/** queue -> the routing keys (event types) it receives */
export const QUEUES = {
  "catalog.snapshot-requested": ["catalog.snapshot-requested"],
  "inventory.order-placed": ["orders.order-placed"],
  "inventory.payment-declined": ["payments.payment-declined"],
  "inventory.order-cancelled": ["orders.order-cancelled"],
  "inventory.snapshot-requested": ["inventory.snapshot-requested"],
  // One queue for payments: an order is always placed before its stock is reserved, and one
  // queue keeps that order (two queues could hand payments the reservation first).
  "payments.order-events": ["orders.order-placed", "inventory.stock-reserved", "orders.order-cancelled"],
  "orders.order-outcomes": ["inventory.reservation-rejected", "payments.payment-succeeded", "payments.payment-declined"],
  "orders.product-changed": ["catalog.product-changed"],
  "shipping.order-confirmed": ["orders.order-confirmed"],
  "shipping.order-cancelled": ["orders.order-cancelled"],
  "web.product-changed": ["catalog.product-changed"],
  "web.stock-changed": ["inventory.stock-changed"],
} as const;

export type QueueName = keyof typeof QUEUES;

/** This step's prefix on the broker: SHOP_NAMESPACE (tests), then its folder's name and a dot. */
export const currentNamespace = () => brokerNamespace(join(import.meta.dirname, ".."));

export const namespaced = (name: string, namespace = currentNamespace()) => `${namespace}${name}`;

/** Every queue and exchange this step declares: what a test or a reset deletes. */
export function declaredNames(namespace = currentNamespace()) {
  const queues = Object.keys(QUEUES).flatMap((q) => [q, `${q}.retry`, `${q}.dlq`]).map((q) => namespaced(q, namespace));
  return { exchanges: [namespaced(EXCHANGE, namespace)], queues };
}
