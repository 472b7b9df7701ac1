// The acceptance scenarios, written once against the storefront API. Each one does the same thing
// to whichever step it is given and describes what it observed in a few words; the suite compares
// that description with the step's row in expectations.ts. A scenario that does not apply to a
// step (no payments process in 01, no broker before 03) is marked n/a there and never run.
import { randomUUID } from "node:crypto";
import { eventually } from "@shop/kit";
import type { Reply, ShopUnderTest } from "../support/shop-under-test.ts";

const CARD = "4242424242424242";
const SKU = "MUG-001";

export type Scenario = (shop: ShopUnderTest) => Promise<string>;

const placeOrder = (shop: ShopUnderTest, headers: Record<string, string> = {}) =>
  shop.post("/api/orders", { lines: [{ sku: SKU, qty: 1 }], card: CARD }, headers);

/** "201 CONFIRMED", "202 PENDING → CONFIRMED", or "503 PAYMENTS_UNAVAILABLE" and the like. */
async function outcome(
  shop: ShopUnderTest,
  reply: Reply,
  beforeFinal: () => Promise<void> = async () => {},
): Promise<string> {
  if (reply.status === 202) {
    const pendingNow = (await shop.get(`/api/orders/${reply.body.id}`)).body.status;
    await beforeFinal();
    return `202 ${pendingNow} → ${(await shop.final(reply.body.id)).status}`;
  }
  if (reply.status < 300) return `${reply.status} ${reply.body.status}`;
  return `${reply.status} ${reply.body?.error?.code}`;
}

interface Counts {
  orders: number;
  available: number;
}

const counts = async (shop: ShopUnderTest): Promise<Counts> => ({
  orders: (await shop.get("/api/orders")).body.length,
  available: (await shop.get("/api/products")).body.find((p: any) => p.sku === SKU).available,
});

/** For a refused order, once everything is back: were no order and no stock change kept? */
async function nothingKept(shop: ShopUnderTest, before: Counts): Promise<string> {
  return eventually(async () => {
    const after = await counts(shop);
    if (after.orders !== before.orders || after.available !== before.available)
      throw new Error(`kept something: ${JSON.stringify({ before, after })}`);
    return "nothing kept";
  }).catch((error: Error) => error.message);
}

async function refusedOrAccepted(
  shop: ShopUnderTest,
  before: Counts,
  reply: Reply,
  restore: () => Promise<void>,
  whenBack: string,
): Promise<string> {
  if (reply.status === 202) return `${await outcome(shop, reply, restore)} ${whenBack}`.trim();
  await restore();
  return `${await outcome(shop, reply)}, ${await nothingKept(shop, before)}`;
}

/** The fastest of three answers: one slow moment on a busy machine does not change the verdict. */
async function fastestOf3(shop: ShopUnderTest): Promise<number> {
  const replies: Reply[] = [];
  for (let i = 0; i < 3; i++) replies.push(await placeOrder(shop));
  return Math.min(...replies.map((r) => r.ms));
}

export const SCENARIOS: Record<string, Scenario> = {
  "healthy order": async (shop) => outcome(shop, await placeOrder(shop)),

  "payments down": async (shop) => {
    const before = await counts(shop);
    for (const p of shop.payments()) await p.stop();
    const reply = await placeOrder(shop);
    return refusedOrAccepted(
      shop,
      before,
      reply,
      async () => {
        for (const p of shop.payments()) await p.start();
      },
      "after payments returns",
    );
  },

  // 600, not 500: step 02's calls give up after 500 ms, and a delay of exactly that races their
  // timer (in one CI run here, the answer came first and the order was confirmed)
  "payments slowed by 600 ms": async (shop) => {
    const healthy = await fastestOf3(shop);
    await shop.slowPayments(600);
    const slowed = await placeOrder(shop);
    const speed =
      slowed.ms - healthy >= 450 ? "answer ≥ 500 ms slower" : "answer as fast as healthy";
    // 02: after a few timeouts the breaker opens and later orders are refused at once
    return `${await outcome(shop, slowed)}, ${speed}`;
  },

  "catalog down": async (shop) => {
    const before = await counts(shop);
    await shop.service("catalog").stop();
    const reply = await placeOrder(shop);
    if (reply.status === 202) return `${await outcome(shop, reply)} while catalog is down`; // reset starts it again
    await shop.service("catalog").start();
    return `${await outcome(shop, reply)}, ${await nothingKept(shop, before)}`;
  },

  "broker link cut": async (shop) => {
    shop.brokerLink!.cut();
    const reply = await placeOrder(shop);
    return `${await outcome(shop, reply, async () => shop.brokerLink!.restore())} after the link returns`;
  },

  // Where there is a broker, the change is held in flight (link cut) so the order placed meanwhile
  // shows what a local copy means: it still has the old price until the change arrives.
  "price change": async (shop) => {
    const before = (await shop.get("/api/products")).body.find(
      (p: any) => p.sku === SKU,
    ).priceCents;
    const changed = before + 100;
    shop.brokerLink?.cut();
    const put = await shop.put(`/api/admin/products/${SKU}/price`, { priceCents: changed });
    if (put.status !== 200) return `price change answered ${put.status}`;
    const next = await placeOrder(shop);
    shop.brokerLink?.restore();
    const paid = (await shop.final(next.body.id)).lines[0].unitPriceCents;
    if (paid === changed) return "the next order pays the new price";
    if (paid !== before) return `the next order paid ${paid}`;
    const later = await eventually(
      async () => {
        const shown = (await shop.get("/api/products")).body.find(
          (p: any) => p.sku === SKU,
        ).priceCents;
        if (shown !== changed) throw new Error(`the storefront still shows ${shown}`);
        const reply = await placeOrder(shop);
        return (await shop.final(reply.body.id)).lines[0].unitPriceCents;
      },
      { timeout: 10_000, interval: 100 },
    );
    return later === changed
      ? "old price until the change arrives, then the new one"
      : `still ${later} after the change arrived`;
  },

  "an order submitted twice with one key": async (shop) => {
    const before = await counts(shop);
    const key = { "Idempotency-Key": randomUUID() };
    const first = await placeOrder(shop, key);
    const second = await placeOrder(shop, key);
    const same =
      first.status === second.status && first.body.id === second.body.id
        ? "same answer twice"
        : `answers differ: ${first.status} ${second.status}`;
    await shop.final(first.body.id);
    const after = await eventually(async () => {
      const now = await counts(shop);
      if (now.available === before.available) throw new Error("the stock has not moved yet");
      return now;
    });
    const orders =
      after.orders - before.orders === 1 ? "one order" : `${after.orders - before.orders} orders`;
    const stock =
      before.available - after.available === 1
        ? "stock taken once"
        : `stock taken ${before.available - after.available} times`;
    return `${same}, ${orders}, ${stock}`;
  },
};
