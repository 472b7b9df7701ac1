// The whole message topology of this step in one place: one topic exchange, and one durable queue
// per consumer and purpose, bound to the events it needs. Each queue gets a `.dlq` (messages that
// kept failing); four retry queues (a wait, then back) serve them all. Every service declares all
// of it when it connects, so an event published before its consumer first ran waits in its queue.
// Every name starts with the step's own prefix ("NN-name."), so two steps on one broker never take
// each other's messages; tests run under a prefix of their own (SHOP_NAMESPACE) and delete it all.
import { join } from "node:path";
import { brokerNamespace } from "@shop/kit";
import type { MessageType } from "./contracts.ts";

export const EXCHANGE = "shop.events";

/** queue -> the routing keys (event types) it receives */
export const QUEUES = {
  "catalog.snapshot-requested": ["catalog.snapshot-requested"],
  "inventory.order-placed": ["orders.order-placed"],
  "inventory.payment-declined": ["payments.payment-declined"],
  "inventory.order-cancelled": ["orders.order-cancelled"],
  "inventory.snapshot-requested": ["inventory.snapshot-requested"],
  // One queue for payments and its three events. Their order is not relied on: with several
  // payments instances on the queue, a reservation may be handled before its order (handlers.ts).
  "payments.order-events": [
    "orders.order-placed",
    "inventory.stock-reserved",
    "orders.order-cancelled",
  ],
  "orders.order-outcomes": [
    "inventory.reservation-rejected",
    "payments.payment-succeeded",
    "payments.payment-declined",
  ],
  "orders.product-changed": ["catalog.product-changed"],
  // Two queues, so a cancel can come before its confirm: the shipping handlers expect it.
  "shipping.order-confirmed": ["orders.order-confirmed"],
  "shipping.order-cancelled": ["orders.order-cancelled"],
  "web.product-changed": ["catalog.product-changed"],
  "web.stock-changed": ["inventory.stock-changed"],
} as const satisfies Record<string, readonly MessageType[]>;

export type QueueName = keyof typeof QUEUES;
/** The types of message that arrive on a queue. */
export type TypesOn<Q extends QueueName> = (typeof QUEUES)[Q][number];

/**
 * The waits before the 2nd, 3rd, 4th… attempt at a failed message, one retry queue each (a queue
 * expires only the message at its head, so one queue holds one wait). Short first (the event it
 * needs is on its way), then long enough to ride out a restart or a minute of trouble.
 */
export const RETRY_DELAYS_MS = [200, 1_000, 5_000, 30_000];

/**
 * `shop.retry.1` … `shop.retry.4`: where a failed message waits RETRY_DELAYS_MS[tier], whichever
 * queue it came from. Each has an exchange of the same name; the message goes in with its own
 * queue's name as routing key, and the wait over, that key takes it back there.
 */
export const retryQueue = (tier: number) => `shop.retry.${tier + 1}`;
export const RETRY_QUEUES = RETRY_DELAYS_MS.map((_, tier) => retryQueue(tier));

/** Every event type some queue receives: publishing one of these must reach a queue. */
export const ROUTED_TYPES: ReadonlySet<string> = new Set(Object.values(QUEUES).flat());

/** This step's prefix on the broker: SHOP_NAMESPACE (tests), then its folder's name and a dot. */
export const currentNamespace = () => brokerNamespace(join(import.meta.dirname, ".."));

export const namespaced = (name: string, namespace = currentNamespace()) => `${namespace}${name}`;

/** Through the default exchange (""), whose routing keys are queue names. */
const deadLetterTo = (queue?: string) => ({
  "x-dead-letter-exchange": "",
  // without a key of its own, a message keeps its routing key: the queue it came from
  ...(queue && { "x-dead-letter-routing-key": queue }),
});

/**
 * A queue that holds the shop's messages is a quorum queue: RabbitMQ keeps a copy on each node of
 * a cluster and goes on with a majority, so a node may stop without losing a message. On one
 * node it behaves as before, a little slower (each message on disk before it is confirmed).
 * A quorum queue dead-letters at most once unless told otherwise (a node lost mid-move would
 * lose the message); at least once needs it to refuse publishes when full rather than drop.
 */
export const QUORUM = {
  "x-queue-type": "quorum",
  "x-dead-letter-strategy": "at-least-once",
  "x-overflow": "reject-publish",
} as const;

const durable = true;

/** One queue's declaration: its arguments, its dlq, its bindings. */
export function queueTopology(name: QueueName, namespace = currentNamespace()) {
  const exchange = namespaced(EXCHANGE, namespace);
  const queue = namespaced(name, namespace);
  // A message its consumer rejects (it could not move it to a retry queue) goes to the .dlq, not away.
  const main = { queue, durable, arguments: { ...QUORUM, ...deadLetterTo(`${queue}.dlq`) } };
  const dlq = { queue: `${queue}.dlq`, durable, arguments: { ...QUORUM } };
  const bindings = QUEUES[name].map((routingKey) => ({ exchange, queue, routingKey }));
  return { main, dlq, queues: [main, dlq], bindings };
}

/**
 * The retry queues, shared: four quorum queues per step rather than four per queue (each costs
 * the broker 3 file handles on RabbitMQ 3.10-3.12). Quorum, so a wait survives a node going
 * away, and a message whose wait ends while its queue's leader moves is not lost on the way.
 */
export function retryTopology(namespace = currentNamespace()) {
  return RETRY_DELAYS_MS.map((ttl, tier) => {
    const name = namespaced(retryQueue(tier), namespace);
    return {
      exchange: { exchange: name, type: "fanout", durable },
      queue: {
        queue: name,
        durable,
        arguments: { ...QUORUM, "x-message-ttl": ttl, ...deadLetterTo() },
      },
      binding: { exchange: name, queue: name, routingKey: "" },
    };
  });
}

/** The step's exchanges and every queue with its bindings, as every service declares them. */
export function topology(namespace = currentNamespace()) {
  const queues = (Object.keys(QUEUES) as QueueName[]).map((name) => queueTopology(name, namespace));
  const retries = retryTopology(namespace);
  const exchange = { exchange: namespaced(EXCHANGE, namespace), type: "topic", durable };
  return {
    exchanges: [exchange, ...retries.map((r) => r.exchange)],
    queues: [...queues.flatMap((q) => q.queues), ...retries.map((r) => r.queue)],
    bindings: [...queues.flatMap((q) => q.bindings), ...retries.map((r) => r.binding)],
  };
}

/** Every queue and exchange this step declares: what a test or a reset deletes. */
export function declaredNames(namespace = currentNamespace()) {
  const { exchanges, queues } = topology(namespace);
  return { exchanges: exchanges.map((e) => e.exchange), queues: queues.map((q) => q.queue) };
}
