// The inbox: the broker delivers at least once, so a message can come twice; the consumer keeps
// what it needs to give a second delivery no effect (what, and when: exercise 03.3).
import type { Envelope } from "./envelope.ts";

/** Told of each message dropped as a duplicate (a service's main may count them: faults.ts). */
export const duplicateWatchers: ((consumer: string, message: Envelope) => void)[] = [];

export interface InboxTable {
  inboxMessage: {
    findUnique(args: {
      where: { consumer_messageId: { consumer: string; messageId: string } };
    }): Promise<unknown>;
    create(args: { data: { consumer: string; messageId: string } }): Promise<unknown>;
  };
}

/** Runs `handle` once per message id and consumer; returns false when it had run before. */
export async function handleOnce<Tx extends InboxTable>(
  inTransaction: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>,
  consumer: string,
  message: Envelope,
  handle: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  const handled = await inTransaction(async (tx) => {
    // #region exercise 03.3: at least once, end to end
    const key = { consumer, messageId: message.id };
    if (await tx.inboxMessage.findUnique({ where: { consumer_messageId: key } })) return false;
    await handle(tx);
    await tx.inboxMessage.create({ data: key });
    return true;
    // #endregion
  });
  if (!handled) duplicateWatchers.forEach((watch) => watch(consumer, message));
  return handled;
}
