// An AsyncAPI 3 document for a step's messages, made from what the code already declares: the
// contract (each type with the zod schema of its data) and the topology (each queue with the
// types it takes). Generated, never written by hand, so it cannot drift from the code.
import { z } from "zod";

export interface MessageModel {
  title: string;
  description: string;
  /** The topic exchange every event is published to, with its type as the routing key. */
  exchange: string;
  /** What every message carries besides its type and data (the envelope). */
  head: z.ZodObject;
  /** type -> the schema of its data */
  contracts: Record<string, z.ZodType>;
  /** queue -> the types it receives */
  queues: Record<string, readonly string[]>;
  /** Types published `mandatory` (some queue takes them): the broker returns one no queue took. */
  mandatory: ReadonlySet<string>;
  /** Default: RabbitMQ on this laptop. */
  host?: string;
}

const AMQP = "0.3.0"; // the version of AsyncAPI's AMQP bindings

/**
 * JSON Schema draft 7, the dialect AsyncAPI's own schema format builds on. As input: unknown
 * fields are allowed, as the consumers allow them (zod drops them): a tolerant reader. Typed as
 * toJSONSchema takes it: checking an envelope against z.ZodType cost tsc 0.8 s, a tenth of its run.
 */
function jsonSchema(schema: z.core.$ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-7", io: "input" });
  return rest;
}

export function asyncApiDocument(model: MessageModel) {
  const types = Object.keys(model.contracts).sort();
  const ref = (path: string) => ({ $ref: `#/${path}` });
  const exchange = {
    name: model.exchange,
    type: "topic",
    durable: true,
    autoDelete: false,
    vhost: "/",
  };

  const messages = Object.fromEntries(
    types.map((type) => {
      const envelope = model.head.extend({ type: z.literal(type), data: model.contracts[type]! });
      return [type, { name: type, contentType: "application/json", payload: jsonSchema(envelope) }];
    }),
  );

  const channels = Object.fromEntries(
    types.map((type) => [
      type,
      {
        address: type,
        description: `Messages of type ${type}, published to ${model.exchange} with it as routing key.`,
        messages: { [type]: ref(`components/messages/${type}`) },
        bindings: { amqp: { is: "routingKey", exchange, bindingVersion: AMQP } },
      },
    ]),
  );

  const message = (type: string) => ref(`channels/${type}/messages/${type}`);
  const publish = types.map((type) => [
    `publish.${type}`,
    {
      action: "send",
      channel: ref(`channels/${type}`),
      messages: [message(type)],
      bindings: {
        amqp: { deliveryMode: 2, mandatory: model.mandatory.has(type), bindingVersion: AMQP },
      },
    },
  ]);
  const receive = Object.entries(model.queues).flatMap(([queue, received]) =>
    received.map((type) => [
      `${queue}.receive.${type}`,
      {
        action: "receive",
        description: `The queue ${queue} (its consumer: ${queue.split(".")[0]}) takes ${type}.`,
        channel: ref(`channels/${type}`),
        messages: [message(type)],
        bindings: { amqp: { ack: true, bindingVersion: AMQP } },
      },
    ]),
  );

  return {
    asyncapi: "3.1.0",
    info: { title: model.title, version: "1.0.0", description: model.description },
    defaultContentType: "application/json",
    servers: {
      local: {
        host: model.host ?? "127.0.0.1:5672",
        protocol: "amqp",
        description: "RabbitMQ on this laptop",
      },
    },
    channels,
    operations: Object.fromEntries([...publish, ...receive]),
    components: { messages },
  };
}
