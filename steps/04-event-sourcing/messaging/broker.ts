// The connection to RabbitMQ (rabbitmq-client): publishing with confirms, and consuming with
// bounded retries. A handler that throws sees its message again after a delay, up to
// MAX_ATTEMPTS times; then the message is parked in the queue's `.dlq` and the queue moves on.
// Never an endless requeue loop.
import { Connection, ConsumerStatus, type AsyncMessage } from "rabbitmq-client";
import { chaosPause, DEFAULT_AMQP_URL, type Logger } from "@shop/kit";
import type { Envelope } from "./envelope.ts";
import { faults, stats } from "./faults.ts";
import { EXCHANGE, namespaced, QUEUES, type QueueName } from "./topology.ts";

export const MAX_ATTEMPTS = Number(process.env.MAX_ATTEMPTS ?? 5);
export const RETRY_DELAY_MS = Number(process.env.RETRY_DELAY_MS ?? 200);
const ATTEMPT_HEADER = "x-attempt";
/** Why the last attempt failed: kept on the message, so `npm run dead-letters` can say why. */
export const LAST_ERROR_HEADER = "x-last-error";

export type Handler = (message: Envelope) => Promise<unknown>;

export interface Broker {
  /** Resolves once the broker has confirmed the message. */
  publish(message: Envelope): Promise<void>;
  consume(queue: QueueName, handler: Handler): Promise<void>;
  /** Called after every message handled (the outbox relay uses it to publish what the handler wrote). */
  afterEachMessage(listener: () => void): void;
  close(): Promise<void>;
}

export async function connectBroker(service: string, log: Logger, url = process.env.AMQP_URL ?? DEFAULT_AMQP_URL): Promise<Broker> {
  // Reconnect within about a second after the broker or the link comes back (DESIGN §8).
  const connection = new Connection({ url, connectionName: service, retryLow: 250, retryHigh: 1_000 });
  connection.on("error", (err) => log.warn({ err: String(err) }, "broker connection error; reconnecting"));
  connection.on("connection", () => log.info("connected to the broker"));
  const exchange = namespaced(EXCHANGE);
  const exchanges = [{ exchange, type: "topic", durable: true }];
  const publisher = connection.createPublisher({ confirm: true, maxAttempts: 3, exchanges });
  const consumers: { close(): Promise<void> }[] = [];
  const listeners: (() => void)[] = [];

  const publish = async (message: Envelope) => {
    await publisher.send(
      { exchange, routingKey: message.type, messageId: message.id, contentType: "application/json", durable: true, correlationId: message.correlationId },
      message,
    );
  };

  const consume = async (queueName: QueueName, handler: Handler) => {
    const queue = namespaced(queueName);
    const retryQueue = `${queue}.retry`;
    const deadLetters = `${queue}.dlq`;
    // Declared before the consumer starts, so that a failing message always has somewhere to go.
    // The retry queue holds a message for a while, then dead-letters it back into the main queue.
    await connection.queueDeclare({
      queue: retryQueue,
      durable: true,
      arguments: { "x-message-ttl": RETRY_DELAY_MS, "x-dead-letter-exchange": "", "x-dead-letter-routing-key": queue },
    });
    await connection.queueDeclare({ queue: deadLetters, durable: true });
    const consumer = connection.createConsumer(
      {
        queue,
        queueOptions: { durable: true },
        qos: { prefetchCount: 20 },
        concurrency: 1, // one message at a time per queue: handlers see events in the order they came
        exchanges,
        queueBindings: QUEUES[queueName].map((routingKey) => ({ exchange, queue, routingKey })),
        requeue: false,
      },
      async (msg: AsyncMessage) => {
        const message = msg.body as Envelope;
        const attempt = Number(msg.headers?.[ATTEMPT_HEADER] ?? 1);
        try {
          await chaosPause(); // a "slow" fault (kit chaos, the console's Slow button) delays messages too
          await handler(message);
          if (faults.deliverTwice) await handler(message); // the duplicate a lost ack would cause
          stats.handled += 1;
          listeners.forEach((listener) => listener());
          return ConsumerStatus.ACK;
        } catch (error) {
          const target = attempt < MAX_ATTEMPTS ? retryQueue : deadLetters;
          if (target === deadLetters) stats.deadLettered += 1;
          else stats.retried += 1;
          const reason = error instanceof Error ? error.message : String(error);
          const what = target === deadLetters ? "message dead-lettered" : "handler failed; will retry";
          log.warn({ correlationId: message.correlationId, type: message.type, queue, attempt, err: reason }, what);
          // Straight to the queue through the default exchange; the original is then acked.
          const headers = { [ATTEMPT_HEADER]: attempt + 1, [LAST_ERROR_HEADER]: reason.slice(0, 500) };
          await publisher.send({ routingKey: target, durable: true, contentType: "application/json", headers }, message);
          return ConsumerStatus.ACK;
        }
      },
    );
    consumers.push(consumer);
    // Without a listener, an error event (the link dropped) would end the process.
    consumer.on("error", (err) => log.warn({ queue, err: String(err) }, "consumer error; it recovers when the broker is back"));
    await new Promise<void>((resolve) => consumer.once("ready", () => resolve()));
  };

  await connection.exchangeDeclare({ exchange, type: "topic", durable: true });
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
