// The connection to RabbitMQ (rabbitmq-client): the whole topology declared on connecting,
// publishing with confirms, and consuming with retries that wait longer each time. A handler that
// throws sees its message again after a wait in a retry queue, and a message that cannot succeed
// is parked in the queue's `.dlq` (which, and when: failures.ts); the queue moves on.
// Never an endless requeue loop, and never a message dropped on the way.
import {
  Connection,
  ConsumerStatus,
  type AsyncMessage,
  type Envelope as Delivery,
  type PublisherProps,
} from "rabbitmq-client";
import { amqpHosts, DEFAULT_AMQP_URL, type Logger } from "@shop/kit";
import { readMessage, type Message } from "./contracts.ts";
import type { Envelope } from "./envelope.ts";
import { declareQueue, type Declaration } from "./declare.ts";
import { whatNext, type Failure } from "./failures.ts";
import {
  EXCHANGE,
  namespaced,
  QUEUES,
  queueTopology,
  RETRY_DELAYS_MS,
  retryQueue,
  ROUTED_TYPES,
  topology,
} from "./topology.ts";
import type { QueueName, TypesOn } from "./topology.ts";
/** For tests that want a quick dead letter: every wait this long instead (a per-message TTL). */
const RETRY_DELAY_MS = process.env.RETRY_DELAY_MS;
/** The number of the next attempt: on a dead letter, one more than the attempts it had. */
export const ATTEMPT_HEADER = "x-attempt";
/** Why the last attempt failed: kept on the message, so `npm run dead-letters` can say why. */
export const LAST_ERROR_HEADER = "x-last-error";

/** Handles the messages of one queue: each one of its types, checked against the contract. */
export type Handler<Q extends QueueName> = (message: Message<TypesOn<Q>>) => Promise<unknown>;

export interface Broker {
  /** Resolves once the broker has confirmed the message. */
  publish(message: Envelope): Promise<void>;
  consume<Q extends QueueName>(queue: Q, handler: Handler<Q>): Promise<void>;
  /** Called after every message handled (the outbox relay uses it to publish what the handler wrote). */
  afterEachMessage(listener: () => void): void;
  close(): Promise<void>;
}

/**
 * A publisher whose send resolves once a queue has the message: confirmed by the broker (not
 * refused, not lost with the link) and, when mandatory, routed. The broker hands back a mandatory
 * message that no queue takes (basic.return, just before its confirm): send then throws.
 */
export function confirmingPublisher(connection: Connection, props: PublisherProps = {}) {
  const returned = new Set<string>();
  const open = () => {
    const publisher = connection.createPublisher({ ...props, confirm: true, maxAttempts: 3 });
    publisher.on("basic.return", (msg) => returned.add(String(msg.messageId)));
    return publisher;
  };
  let publisher = open();
  return {
    async send(
      delivery: Delivery & { messageId: string },
      body: unknown,
      mandatory = true,
    ): Promise<void> {
      const used = publisher;
      await used.send({ ...delivery, mandatory }, body).catch((error) => {
        // Refused (nack): on a cluster, a channel can go on sending to where a queue's leader
        // was; the next try gets a new channel, which finds the new one. Once: the sends in
        // flight on the old channel are refused together. It closes once they have settled.
        if ((error as { code?: string }).code === "NACK" && publisher === used) {
          publisher = open();
          setTimeout(() => void used.close(), 10_000).unref();
        }
        throw error;
      });
      // The broker sends the return before the confirm; rabbitmq-client emits it a turn later (setImmediate).
      await new Promise((resolve) => setImmediate(resolve));
      if (returned.delete(delivery.messageId))
        throw new Error(`no queue took ${delivery.routingKey} (${delivery.messageId})`);
    },
    close: () => publisher.close(),
  };
}

/** What a service's main may attach (the workshop's faults and counters: faults.ts). */
export interface BrokerHooks {
  /** Runs each handler call: may delay it, fail it, or run it twice. */
  aroundHandler?: (handle: () => Promise<unknown>) => Promise<unknown>;
  /** Told what became of each message. */
  onSettled?: (outcome: "handled" | "retried" | "dead-lettered") => void;
}

export async function connectBroker(
  service: string,
  log: Logger,
  hooks: BrokerHooks = {},
  url = process.env.AMQP_URL ?? DEFAULT_AMQP_URL,
): Promise<Broker> {
  const { aroundHandler = (handle) => handle(), onSettled = () => {} } = hooks;
  // Reconnect within about a second after the broker or the link comes back.
  const instance = process.env.SHOP_INSTANCE ?? service; // payments-2: one of several
  const connection = new Connection({
    url,
    hosts: amqpHosts(), // a cluster's nodes: on a lost link, the next one
    connectionName: instance,
    retryLow: 250,
    retryHigh: 1_000,
  });
  connection.on("error", (err) =>
    log.warn({ err: String(err) }, "broker connection error; reconnecting"),
  );
  connection.on("connection", () => log.info("connected to the broker"));
  const { exchanges, queues, bindings } = topology();
  const exchange = namespaced(EXCHANGE);
  // Every service declares every queue before it publishes anything (declaring is idempotent):
  // an event for a consumer that has not started yet waits in its queue instead of going nowhere.
  for (const declaration of exchanges) await connection.exchangeDeclare(declaration);
  const declared = new Map<string, Declaration>();
  for (const queue of queues) declared.set(queue.queue, await declareQueue(connection, queue, log));
  for (const binding of bindings) await connection.queueBind(binding);
  const publisher = confirmingPublisher(connection, { exchanges });
  const consumers: { close(): Promise<void> }[] = [];
  const listeners: (() => void)[] = [];

  const publish = (message: Envelope) =>
    publisher.send(
      {
        exchange,
        routingKey: message.type,
        messageId: message.id,
        contentType: "application/json",
        durable: true,
        correlationId: message.correlationId,
        appId: instance, // the console's feed shows which instance published it
      },
      message,
      ROUTED_TYPES.has(message.type), // an event some queue wants must reach it; one nobody wants yet may go nowhere
    );

  const consume = async <Q extends QueueName>(queueName: Q, handler: Handler<Q>) => {
    const { main, dlq, bindings: queueBindings } = queueTopology(queueName);
    const queue = main.queue;
    const types: readonly TypesOn<Q>[] = QUEUES[queueName];

    /** The message published to `target`, then the original acked. */
    const moveTo = async (
      target: { exchange: string; routingKey: string },
      msg: AsyncMessage,
      attempt: number,
      reason: string,
      expiration?: string,
    ) => {
      const headers = { [ATTEMPT_HEADER]: attempt + 1, [LAST_ERROR_HEADER]: reason.slice(0, 500) };
      const messageId = msg.messageId ?? "(no id)";
      const delivery = {
        ...target,
        messageId,
        durable: true,
        contentType: "application/json",
      };
      const send = () => publisher.send({ ...delivery, headers, expiration }, msg.body);
      try {
        await send().catch(async (e) => {
          // refused while the queue elects a new leader (its node gone): once more, a moment later
          if ((e as { code?: string }).code !== "NACK") throw e;
          await new Promise((resolve) => setTimeout(resolve, 500));
          await send();
        });
        return ConsumerStatus.ACK;
      } catch (sendError) {
        // Not moved (its queue gone, the link down): rejected instead, so the broker moves it
        // to the .dlq itself (the main queue's dead-letter route). Acked, it would be lost.
        log.error(
          { queue, sendError: String(sendError) },
          "could not move the message; rejected to the dlq",
        );
        return ConsumerStatus.DROP;
      }
    };

    /** A message not handled: to a retry queue, or parked, as failures.ts decides. */
    const failed = async (msg: AsyncMessage, attempt: number, failure: Failure) => {
      const verdict = whatNext(failure, attempt);
      const tier = verdict.then === "retry" ? verdict.tier : undefined;
      // a tier without a wait has no retry queue: parked, not sent to an exchange that is not there
      const dead = tier === undefined || RETRY_DELAYS_MS[tier] === undefined;
      // Parked: straight into the .dlq. Retried: into a retry queue's exchange, under this
      // queue's name, which takes it back here once its wait is over.
      const target = dead
        ? { exchange: "", routingKey: dlq.queue }
        : { exchange: namespaced(retryQueue(tier)), routingKey: queue };
      const context = {
        correlationId: msg.correlationId,
        type: msg.body?.type,
        queue,
        attempt,
        err: failure.reason,
      };
      const why =
        failure.kind === "breaks-its-contract" ? "message breaks its contract" : "handler failed";
      if (dead) log.error(context, `${why}; dead-lettered`);
      else log.warn(context, `${why}; will retry`);
      const expiration = dead ? undefined : RETRY_DELAY_MS;
      const moved = await moveTo(target, msg, attempt, failure.reason, expiration);
      onSettled(dead || moved === ConsumerStatus.DROP ? "dead-lettered" : "retried");
      return moved;
    };

    const consumer = connection.createConsumer(
      {
        queue,
        queueOptions: declared.get(queue) ?? main, // the same declaration, again after a reconnect
        qos: { prefetchCount: 20 },
        // one message at a time per consumer; with several instances (--scale), each takes the
        // next message, so a queue's order no longer holds across them
        concurrency: 1,
        exchanges,
        queueBindings,
        requeue: false,
      },
      async (msg: AsyncMessage) => {
        const attempt = Number(msg.headers?.[ATTEMPT_HEADER] ?? 1);
        const read = readMessage(msg.body, types);
        if (!read.ok)
          return failed(msg, attempt, { kind: "breaks-its-contract", reason: read.error });
        const message = read.message;
        try {
          await aroundHandler(() => handler(message));
          onSettled("handled");
          listeners.forEach((listener) => listener());
          return ConsumerStatus.ACK;
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          return failed(msg, attempt, { kind: "handler-failed", reason });
        }
      },
    );
    consumers.push(consumer);
    // Without a listener, an error event (the link dropped) would end the process.
    consumer.on("error", (err) =>
      log.warn({ queue, err: String(err) }, "consumer error; it recovers when the broker is back"),
    );
    await new Promise<void>((resolve) => consumer.once("ready", () => resolve()));
  };

  return {
    publish,
    consume,
    afterEachMessage: (listener) => listeners.push(listener),
    close: async () => {
      await Promise.all(consumers.map((c) => c.close()));
      await publisher.close();
      await connection.close();
    },
  };
}
