// Declares this step's queues. Before quorum queues, the step declared classic queues: RabbitMQ
// refuses to declare a queue again with another type (PRECONDITION_FAILED), so a broker that an
// earlier version of the workshop ran on still holds them. An empty one is replaced; one that
// still holds messages is used as it is, so that none is lost, until it has drained.
import { AMQPChannelError, type Connection } from "rabbitmq-client";
import type { Cmd, MethodParams } from "rabbitmq-client";
import type { Logger } from "@shop/kit";

export type Declaration = MethodParams[Cmd.QueueDeclare] & { arguments: Record<string, unknown> };

/** The same queue as an earlier version declared it: classic, without the quorum arguments. */
export function asClassic(declaration: Declaration): Declaration {
  const {
    "x-queue-type": _type,
    "x-dead-letter-strategy": _strategy,
    "x-overflow": _overflow,
    ...rest
  } = declaration.arguments;
  return { ...declaration, arguments: rest };
}

const typeRefused = (error: unknown) =>
  error instanceof AMQPChannelError && error.code === "PRECONDITION_FAILED";

/** A classic queue of a cluster whose node is down: it is there, and back with its node. */
const nodeDown = (error: unknown) =>
  error instanceof AMQPChannelError &&
  error.code === "NOT_FOUND" &&
  error.message.includes("is down or inaccessible");

/** Declares the queue; returns the declaration now in place (to declare again on a reconnect). */
export async function declareQueue(
  connection: Connection,
  declaration: Declaration,
  log: Logger,
): Promise<Declaration> {
  try {
    await connection.queueDeclare(declaration);
    return declaration;
  } catch (error) {
    if (nodeDown(error)) {
      log.warn({ queue: declaration.queue }, "a queue's broker node is down; it is back with it");
      return declaration;
    }
    if (!typeRefused(error)) throw error;
  }
  const { queue } = declaration;
  const { messageCount, consumerCount } = await connection.queueDeclare({ queue, passive: true });
  if (messageCount === 0 && consumerCount === 0) {
    await connection.queueDelete({ queue, ifEmpty: true, ifUnused: true });
    await connection.queueDeclare(declaration);
    log.info({ queue }, "replaced an empty classic queue with a quorum queue");
    return declaration;
  }
  log.warn({ queue, messageCount }, "a classic queue from before still holds messages; kept");
  const classic = asClassic(declaration);
  await connection.queueDeclare(classic);
  return classic;
}
