// The transactional outbox: a service writes the events of a change into its own database, in
// the same transaction as the change. The relay moves them to the broker afterwards, in commit
// order, so that a crash anywhere between the commit and the consumers loses no event (how:
// exercise 03.3; why it works: its solution notes).
import type { Logger } from "@shop/kit";
import type { Broker } from "./broker.ts";
import type { Envelope } from "./envelope.ts";
import { startPump, type Pump } from "./pump.ts";
import { NO_LEASE, type Lease } from "./relay-lease.ts";

export interface OutboxRow {
  id: string;
  body: string;
}

/** What the relay needs from a service's Prisma client: its OutboxMessage table. */
export interface OutboxTable {
  outboxMessage: {
    create(args: { data: { id: string; type: string; body: string } }): Promise<unknown>;
    findMany(args: {
      where: { sentAt: null };
      orderBy: { position: "asc" };
      take: number;
    }): Promise<OutboxRow[]>;
    update(args: { where: { id: string }; data: { sentAt: Date } }): Promise<unknown>;
  };
}

/** Call inside the transaction that makes the change. */
export async function addToOutbox(tx: OutboxTable, ...messages: Envelope[]): Promise<void> {
  for (const message of messages) {
    await tx.outboxMessage.create({
      data: { id: message.id, type: message.type, body: JSON.stringify(message) },
    });
  }
}

/** The relay is a pump: kick() after a commit publishes at once rather than at the next poll. */
export type Relay = Pump;

export interface RelayOptions {
  pollMs?: number;
  /** While true, nothing is published (the workshop's "crash before publish": faults.ts). */
  paused?: () => boolean;
  /** With several instances of the service, one relay at a time (relay-lease.ts). */
  lease?: Lease;
}

export function startRelay(
  db: OutboxTable,
  broker: Broker,
  log: Logger,
  options: RelayOptions = {},
): Relay {
  const { pollMs = 100, paused = () => false, lease = NO_LEASE } = options;
  const drain = async () => {
    if (paused()) return lease.release(); // another instance's relay may publish meanwhile
    try {
      await drainAll();
    } catch (error) {
      await lease.release(true); // a publish failed: let another instance try first
      throw error;
    }
  };
  const drainAll = async () => {
    for (;;) {
      if (!(await lease.mayPublish())) return; // another instance's relay holds the lease
      const batch = await db.outboxMessage.findMany({
        where: { sentAt: null },
        orderBy: { position: "asc" },
        take: 100,
      });
      if (batch.length === 0) return;
      for (const row of batch) {
        await broker.publish(JSON.parse(row.body) as Envelope);
        await db.outboxMessage.update({ where: { id: row.id }, data: { sentAt: new Date() } });
      }
    }
  };

  const pump = startPump("outbox relay", drain, broker, log, pollMs);
  return {
    kick: pump.kick,
    stop: async () => {
      await pump.stop();
      await lease.release();
    },
  };
}
