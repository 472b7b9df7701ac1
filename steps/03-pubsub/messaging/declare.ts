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

const notFound = (error: unknown) =>
  error instanceof AMQPChannelError && error.code === "NOT_FOUND";

/** Declares the queue; returns the declaration now in place (to declare again on a reconnect). */
export async function declareQueue(
  connection: Connection,
  declaration: Declaration,
  log: Logger,
): Promise<Declaration> {
  const { queue } = declaration;
  // Services may start side by side: another one may replace the old queue while this one
  // looks. (`npm start` starts them one after another; on RabbitMQ 3.10, four replacing the same
  // queues at once made its quorum queue supervisor crash, seen here.)
  for (let attempt = 1; ; attempt++) {
    try {
      await connection.queueDeclare(declaration);
      return declaration;
    } catch (error) {
      if (nodeDown(error)) {
        log.warn({ queue }, "a queue's broker node is down; it is back with it");
        return declaration;
      }
      if (!typeRefused(error) || attempt === 3) throw error;
    }
    const found = await connection
      .queueDeclare({ queue, passive: true })
      .catch((error) => (notFound(error) ? undefined : Promise.reject(error)));
    if (!found) continue; // deleted by another service just now: declare it
    if (found.messageCount > 0 || found.consumerCount > 0) {
      log.warn(
        { queue, messageCount: found.messageCount },
        "a classic queue from before still holds messages; kept",
      );
      const classic = asClassic(declaration);
      await connection.queueDeclare(classic);
      return classic;
    }
    // still classic (a classic declaration passes)? Else another service replaced it: go on.
    // Deleting a quorum queue that was just made would race RabbitMQ's own clean-up.
    const classic = await connection.queueDeclare(asClassic(declaration)).then(
      () => true,
      () => false,
    );
    if (!classic) continue;
    await connection.queueDelete({ queue });
    log.info({ queue }, "replaced an empty classic queue with a quorum queue");
  }
}
