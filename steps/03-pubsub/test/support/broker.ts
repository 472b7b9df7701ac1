// For in-process tests against the real broker: a namespace of their own, a tap that records
// every event published under it, and the clean-up.
import { randomBytes } from "node:crypto";
import { Connection } from "rabbitmq-client";
import { createLogger, DEFAULT_AMQP_URL, type Logger } from "@shop/kit";
import { connectBroker, type Broker } from "../../messaging/broker.ts";
import { deleteTopology } from "../../messaging/cleanup.ts";
import type { Envelope } from "../../messaging/envelope.ts";
import { currentNamespace, EXCHANGE, namespaced } from "../../messaging/topology.ts";

// Quiet, without setting LOG_LEVEL: test files share a worker, and the processes that a later
// file starts would inherit it and log nothing (a test or a trainer may read their warnings).
export const quiet = createLogger("test", process.env.LOG_LEVEL ?? "silent");

export interface TestBroker {
  broker: Broker;
  /** Every event published on the namespace's exchange, in the order the tap received them. */
  seen: Envelope[];
  close(): Promise<void>;
}

export async function testBroker(log: Logger = quiet): Promise<TestBroker> {
  const namespace = `test-${randomBytes(4).toString("hex")}.`;
  process.env.SHOP_NAMESPACE = namespace;
  const prefix = currentNamespace(); // "test-1a2b.03-pubsub."
  const broker = await connectBroker("test", log);
  const tap = new Connection({
    url: process.env.AMQP_URL ?? DEFAULT_AMQP_URL,
    connectionName: "test-tap",
  });
  const seen: Envelope[] = [];
  // An exclusive queue disappears with its connection: nothing is left on the broker.
  const consumer = tap.createConsumer(
    {
      queue: "",
      queueOptions: { exclusive: true },
      queueBindings: [{ exchange: namespaced(EXCHANGE), routingKey: "#" }],
    },
    (msg) => {
      seen.push(msg.body as Envelope);
    },
  );
  await new Promise<void>((resolve, reject) =>
    consumer.once("ready", resolve).once("error", reject),
  );
  return {
    broker,
    seen,
    close: async () => {
      await consumer.close();
      await tap.close();
      await broker.close();
      await deleteTopology(prefix);
    },
  };
}
