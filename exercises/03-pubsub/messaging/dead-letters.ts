// Looking at and replaying dead letters: messages that failed MAX_ATTEMPTS times and were parked
// in their queue's `.dlq`. Replaying moves them back to the queue they came from, for another
// round of attempts, once whatever made them fail is fixed.
import { Connection } from "rabbitmq-client";
import { amqpHosts, DEFAULT_AMQP_URL } from "@shop/kit";
import { ATTEMPT_HEADER, confirmingPublisher, LAST_ERROR_HEADER } from "./broker.ts";
import type { Envelope } from "./envelope.ts";
import { namespaced, QUEUES, queueTopology, type QueueName } from "./topology.ts";

const connect = () =>
  new Connection({
    url: process.env.AMQP_URL ?? DEFAULT_AMQP_URL,
    hosts: amqpHosts(),
    connectionName: "dead-letters",
  });

/** How many messages wait in each queue's dead-letter queue (queues without any are left out). */
export async function deadLetterCounts(): Promise<Record<string, number>> {
  const connection = connect();
  try {
    const counts: Record<string, number> = {};
    for (const queue of Object.keys(QUEUES) as QueueName[]) {
      // passive: a .dlq kept classic (it held messages when queues became quorum) is counted too
      const found = await connection
        .queueDeclare({ queue: queueTopology(queue).dlq.queue, passive: true })
        .catch(() => undefined); // none yet: nothing parked
      const messageCount = found?.messageCount ?? 0;
      if (messageCount > 0) counts[queue] = messageCount;
    }
    return counts;
  } finally {
    await connection.close();
  }
}

export interface DeadLetter {
  message: Envelope;
  /** The error of its last attempt, as the consumer saw it. */
  error: string;
  /** How often it was tried: 1 for a message that broke its contract. */
  attempts: number;
}

/** Every dead letter of every queue, with why it failed; they stay where they are. */
export async function listDeadLetters(): Promise<Record<string, DeadLetter[]>> {
  const connection = connect();
  const channel = await connection.acquire();
  try {
    const found: Record<string, DeadLetter[]> = {};
    for (const queue of Object.keys(QUEUES) as QueueName[]) {
      const dlq = queueTopology(queue).dlq.queue;
      // asked on the connection: a passive declare of a missing queue would close this channel
      const exists = await connection.queueDeclare({ queue: dlq, passive: true }).then(
        () => true,
        () => false,
      );
      if (!exists) continue;
      // Not acked: closing the channel puts every message back where it was.
      for (
        let msg = await channel.basicGet({ queue: dlq });
        msg;
        msg = await channel.basicGet({ queue: dlq })
      ) {
        const error = String(msg.headers?.[LAST_ERROR_HEADER] ?? "(no error recorded)");
        // A consumer parks a message with the number of its next attempt; the broker (x-death), with this one's.
        const attempts =
          Number(msg.headers?.[ATTEMPT_HEADER] ?? 1) - (msg.headers?.["x-death"] ? 0 : 1);
        (found[queue] ??= []).push({ message: msg.body as Envelope, error, attempts });
      }
    }
    return found;
  } finally {
    await channel.close();
    await connection.close();
  }
}

/**
 * Moves every dead letter of a queue back into it; returns the messages moved. Each one leaves the
 * .dlq (ack) only once the broker has confirmed its copy in the queue; should the copy be refused,
 * the replay stops with an error and the rest stay parked (closing the channel puts them back).
 */
export async function replayDeadLetters(queue: QueueName): Promise<Envelope[]> {
  const connection = connect();
  const channel = await connection.acquire();
  const publisher = confirmingPublisher(connection);
  const dlq = namespaced(`${queue}.dlq`);
  try {
    const moved: Envelope[] = [];
    for (
      let msg = await channel.basicGet({ queue: dlq });
      msg;
      msg = await channel.basicGet({ queue: dlq })
    ) {
      // #region exercise 03.5: replaying dead letters
      throw new Error("TODO exercise 03.5: replaying dead letters (npx workshop hint 03.5)");
      // #endregion
    }
    return moved;
  } finally {
    await publisher.close();
    await channel.close();
    await connection.close();
  }
}
