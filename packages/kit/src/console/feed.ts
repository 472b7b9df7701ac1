// The console's window on the broker: a private queue bound to every routing key of shop.events,
// so the trainer sees each message as it is published. It connects to the broker directly (not
// through the link the console can cut), so the feed keeps working while the services' link is cut.
import { randomBytes } from "node:crypto";
import { Connection } from "rabbitmq-client";
import { amqpHosts } from "../rabbitmq.ts";
import { orderIdOf, type MessageEntry } from "./timeline.ts";

export interface MessageFeed {
  recent(): MessageEntry[];
  /** Calls `listener` for every new message; returns the unsubscribe function. */
  subscribe(listener: (message: MessageEntry) => void): () => void;
  close(): Promise<void>;
}

export function watchShopEvents(amqpUrl: string, namespace: string, keep = 2_000): MessageFeed {
  const exchange = `${namespace}shop.events`;
  const queue = `${namespace}console.feed.${randomBytes(3).toString("hex")}`;
  const connection = new Connection({
    url: amqpUrl,
    hosts: amqpHosts(),
    connectionName: "workshop-console",
    retryLow: 250,
    retryHigh: 2_000,
  });
  connection.on("error", () => undefined); // reconnects by itself; the page shows the gap
  const messages: MessageEntry[] = [];
  const listeners = new Set<(message: MessageEntry) => void>();

  const consumer = connection.createConsumer(
    {
      queue,
      noAck: true,
      // exclusive: the broker deletes it when the console goes; RabbitMQ 4 wants no transient shared queues
      queueOptions: { exclusive: true, autoDelete: true },
      exchanges: [{ exchange, type: "topic", durable: true }],
      queueBindings: [{ exchange, queue, routingKey: "#" }],
    },
    (delivery) => {
      const body = parseBody(delivery.body);
      if (!body) return; // not one of the shop's envelopes: nothing to show
      const entry: MessageEntry = {
        at: new Date().toISOString(),
        type: body.type ?? delivery.routingKey,
        id: body.id ?? "",
        correlationId: body.correlationId ?? "",
        causationId: body.causationId ?? null,
        orderId: orderIdOf(body.data),
        from: delivery.appId,
      };
      messages.push(entry);
      if (messages.length > keep) messages.splice(0, messages.length - keep);
      for (const listener of listeners) listener(entry);
    },
  );
  consumer.on("error", () => undefined);

  return {
    recent: () => [...messages],
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      await consumer.close();
      await connection.close();
    },
  };
}

function parseBody(raw: unknown): Record<string, any> | undefined {
  try {
    const value = Buffer.isBuffer(raw)
      ? JSON.parse(raw.toString())
      : typeof raw === "string"
        ? JSON.parse(raw)
        : raw;
    return typeof value === "object" && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
