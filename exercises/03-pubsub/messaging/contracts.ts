// The contract between the services of this step: every event type (also its routing key) with
// the schema of its data. Publishers are typed from it, and every consumer checks each message
// against it before a handler sees it. A message that does not fit can never succeed, however
// often it is tried: it is poison, parked in its queue's .dlq at once with the reason.
import { z } from "zod";

const orderId = z.string().min(1);
const sku = z.string().min(1);
const cents = z.number().int().nonnegative();
/** A count of changes to one thing: the higher, the newer. */
const version = z.number().int().nonnegative();
const line = z.object({ sku, qty: z.number().int().positive(), unitPriceCents: cents });
const rejectionReason = z.enum(["OUT_OF_STOCK", "PAYMENT_DECLINED"]);

export const CONTRACTS = {
  "catalog.snapshot-requested": z.object({}),
  "catalog.product-changed": z.object({ sku, name: z.string().min(1), priceCents: cents, version }),
  "inventory.snapshot-requested": z.object({}),
  "inventory.stock-changed": z.object({ sku, available: z.number().int().nonnegative(), version }),
  "inventory.stock-reserved": z.object({ orderId }),
  "inventory.reservation-rejected": z.object({
    orderId,
    reason: z.literal("OUT_OF_STOCK"),
    sku,
    available: z.number().int().nonnegative(),
    requested: z.number().int().positive(),
  }),
  /** The card travels with the event so payments can charge it (a real shop: a token). */
  "orders.order-placed": z.object({
    orderId,
    lines: z.array(line).min(1),
    totalCents: cents,
    card: z.string().min(1),
  }),
  "orders.order-confirmed": z.object({ orderId, lines: z.array(line).min(1) }),
  "orders.order-rejected": z.object({ orderId, reason: rejectionReason }),
  "orders.order-cancelled": z.object({ orderId }),
  "payments.payment-succeeded": z.object({
    orderId,
    paymentId: z.string().min(1),
    amountCents: cents,
  }),
  "payments.payment-declined": z.object({ orderId, reason: z.literal("PAYMENT_DECLINED") }),
  "payments.payment-refunded": z.object({ orderId }),
} as const;

export type MessageType = keyof typeof CONTRACTS;
export type DataOf<T extends MessageType> = z.infer<(typeof CONTRACTS)[T]>;

/** What the envelope holds besides its type and data (envelope.ts builds it). */
export const head = z.object({
  id: z.string().min(1),
  type: z.string(),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime(),
  correlationId: z.string(),
  causationId: z.string().nullable(),
});

export type Head = z.infer<typeof head>;

/** One message of type T; for a union of types, a union a handler can switch on. */
export type Message<T extends MessageType = MessageType> = {
  [K in T]: Head & { type: K; data: DataOf<K> };
}[T];

export type Read<T extends MessageType> =
  { ok: true; message: Message<T> } | { ok: false; error: string };

/** The message in `body`, if it is one of `types` and fits its contract; else why not. */
export function readMessage<T extends MessageType>(body: unknown, types: readonly T[]): Read<T> {
  const envelope = head.extend({ data: z.unknown() }).safeParse(body);
  if (!envelope.success)
    return { ok: false, error: `not a message envelope: ${describe(envelope.error)}` };
  const { type, data } = envelope.data;
  if (!isOneOf(type, types))
    return { ok: false, error: `${type} is not one of ${types.join(", ")}` };
  const parsed = CONTRACTS[type].safeParse(data);
  if (!parsed.success)
    return { ok: false, error: `${type} breaks its contract: ${describe(parsed.error, "data")}` };
  return { ok: true, message: { ...envelope.data, type, data: parsed.data } as Message<T> };
}

const isOneOf = <T extends string>(type: string, types: readonly T[]): type is T =>
  types.some((t) => t === type);

/** "data.orderId: Invalid input: expected string, received undefined; …" */
function describe(error: z.ZodError, root?: string): string {
  const where = (path: PropertyKey[]) =>
    [root, ...path.map(String)].filter(Boolean).join(".") || "(message)";
  return error.issues.map((issue) => `${where(issue.path)}: ${issue.message}`).join("; ");
}

/** For the `default` of a switch over message types: adding a type without a case fails to compile. */
export function unexpected(message: never): never {
  throw new Error(`No case for ${JSON.stringify(message)}`);
}
