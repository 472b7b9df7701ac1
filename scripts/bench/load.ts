// The load the bench puts on a shop: the same seeded orders every time, sent either by a fixed
// number of workers (closed loop) or at a fixed rate whatever the answers (open loop, for the
// knee), and the clock on each order until it is final.
import type { ShopUnderTest } from "../../tests/support/shop-under-test.ts";

export const SKUS = [
  "MUG-001",
  "TEE-001",
  "CAP-001",
  "NTB-001",
  "BOT-001",
  "SOC-001",
  "STK-001",
  "BAG-001",
  "PEN-001",
  "UMB-001",
];
const CARD = "4242424242424242";
const FINAL = new Set(["CONFIRMED", "REJECTED", "CANCELLED"]);

/** A small seeded generator (mulberry32): run after run, the same orders in the same order. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seededOrders(count: number, seed = 42) {
  const random = seeded(seed);
  return Array.from({ length: count }, () => ({
    lines: [{ sku: SKUS[Math.floor(random() * SKUS.length)]!, qty: 1 + Math.floor(random() * 2) }],
    card: CARD,
  }));
}

export interface Sent {
  id?: string;
  status: number;
  /** When it was sent and answered, ms since the load started. */
  sentAt: number;
  answeredAt: number;
  /** When it was first seen final (01/02: at the answer). */
  finalAt?: number;
}

/** Seed data back, then plenty of stock, so a long load never runs out. */
export async function prepare(shop: ShopUnderTest): Promise<void> {
  await shop.reset();
  for (const sku of SKUS) {
    const { status } = await shop.post(`/api/admin/products/${sku}/restock`, { qty: 10_000 });
    if (status >= 300) throw new Error(`restock ${sku} answered ${status}`);
  }
}

async function send(shop: ShopUnderTest, order: object, start: number): Promise<Sent> {
  const sentAt = performance.now() - start;
  try {
    const reply = await shop.post("/api/orders", order);
    const answeredAt = performance.now() - start;
    const final = reply.status < 300 && FINAL.has(reply.body?.status);
    return {
      id: reply.body?.id,
      status: reply.status,
      sentAt,
      answeredAt,
      finalAt: final ? answeredAt : undefined,
    };
  } catch {
    return { status: 0, sentAt, answeredAt: performance.now() - start }; // no answer at all
  }
}

export async function closedLoop(
  shop: ShopUnderTest,
  orders: object[],
  concurrency: number,
): Promise<{ sent: Sent[]; start: number }> {
  const start = performance.now();
  const sent: Sent[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < orders.length) sent.push(await send(shop, orders[next++]!, start));
    }),
  );
  return { sent, start };
}

/** `rate` orders a second for `seconds`, on a fixed schedule that does not wait for answers. */
export async function openLoop(
  shop: ShopUnderTest,
  orders: object[],
  rate: number,
): Promise<{ sent: Sent[]; start: number }> {
  const start = performance.now();
  const pending: Promise<Sent>[] = [];
  for (let i = 0; i < orders.length; i++) {
    const due = (i * 1000) / rate - (performance.now() - start);
    if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
    pending.push(send(shop, orders[i]!, start));
  }
  return { sent: await Promise.all(pending), start };
}

/**
 * Polls until every accepted order is final; stamps when each was first seen so. The list shows
 * the newest 100 orders; older ones are asked one by one, the oldest 20 waiting each round (orders
 * finish roughly in the order they came, so these are the next to be final).
 */
export async function untilFinal(
  shop: ShopUnderTest,
  sent: Sent[],
  start: number,
  timeoutMs = 120_000,
): Promise<void> {
  const waiting = new Map(
    sent.filter((s) => s.id && s.finalAt === undefined && s.status < 300).map((s) => [s.id!, s]),
  );
  const deadline = Date.now() + timeoutMs;
  const seen = (order: { id: string; status: string }, at: number) => {
    const s = waiting.get(order.id);
    if (s && FINAL.has(order.status)) {
      s.finalAt = at;
      waiting.delete(order.id);
    }
  };
  while (waiting.size > 0) {
    if (Date.now() > deadline)
      throw new Error(`${waiting.size} orders still not final after ${timeoutMs} ms`);
    const { body } = await shop.get("/api/orders");
    const now = performance.now() - start;
    for (const order of body as { id: string; status: string }[]) seen(order, now);
    const oldest = [...waiting.values()].sort((a, b) => a.sentAt - b.sentAt).slice(0, 20);
    const answers = await Promise.all(oldest.map((s) => shop.get(`/api/orders/${s.id}`)));
    for (const { body: order } of answers) seen(order, performance.now() - start);
    if (waiting.size > 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface RunResult {
  orders: number;
  p50: number;
  p95: number;
  p99: number;
  /** Share of orders answered 2xx (accepted, or confirmed at once). */
  success: number;
  /** From the start of the load until the last accepted order was final (ms). */
  allFinalMs: number | null;
  /** Orders a second the shop answered over the whole load. */
  throughput: number;
}

export function summarize(sent: Sent[]): RunResult {
  const latencies = sent.map((s) => s.answeredAt - s.sentAt);
  const ok = sent.filter((s) => s.status >= 200 && s.status < 300);
  const finals = ok.map((s) => s.finalAt).filter((t): t is number => t !== undefined);
  const lastAnswer = Math.max(...sent.map((s) => s.answeredAt));
  return {
    orders: sent.length,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    success: round(ok.length / sent.length, 3),
    allFinalMs: finals.length === ok.length && ok.length > 0 ? round(Math.max(...finals)) : null,
    throughput: round((sent.length / lastAnswer) * 1000),
  };
}

/** The middle value (the upper one of two): the bench keeps the median of its runs. */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
