// Every message on the broker has the same envelope: what happened (type, data),
// when, and which request it belongs to (correlationId) and follows from (causationId).
import { randomUUID } from "node:crypto";
import type { DataOf, MessageType } from "./contracts.ts";

export interface Envelope<T = unknown> {
  id: string;
  /** Also the routing key: `<context>.<event>`, e.g. `orders.order-placed`. */
  type: string;
  version: number;
  occurredAt: string;
  correlationId: string;
  causationId: string | null;
  data: T;
}

export interface Trace {
  correlationId: string;
  /** The id of the message this one follows from; null for one caused by an HTTP request. */
  causationId?: string | null;
}

/** A new message of a type of the contract, with the data that type requires. */
export function envelope<T extends MessageType>(
  type: T,
  data: DataOf<T>,
  trace: Trace,
  version = 1,
): Envelope<DataOf<T>> & { type: T } {
  return {
    id: randomUUID(),
    type,
    version,
    occurredAt: new Date().toISOString(),
    correlationId: trace.correlationId,
    causationId: trace.causationId ?? null,
    data,
  };
}

/** The trace for messages published while handling `cause`. */
export const causedBy = (cause: Envelope): Trace => ({
  correlationId: cause.correlationId,
  causationId: cause.id,
});
