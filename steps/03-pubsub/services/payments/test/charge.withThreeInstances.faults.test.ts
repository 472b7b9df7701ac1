// Three payments processes on one queue: competing consumers (`npm start -- 03 --scale
// payments=3`). RabbitMQ hands each one the next message, so the two facts of one order (it was
// placed, its stock is held) are often handled by two instances, side by side or in the other
// order. One of them crashes in the middle. Every order must still end final, its card charged
// once, its outcome said once.
import { describe, expect, it } from "vitest";
import {
  GOOD_CARD,
  messagingTotals,
  outcomesSaid,
  paymentsRows,
  settled,
  useShop,
} from "../../../test/support/shop.ts";
import { DECLINED_CARD } from "../src/card-network.ts";

// the card network takes a moment, so that each instance holds messages while others come
const shop = useShop({
  scale: { payments: 3 },
  reset: false,
  env: { payments: { PAYMENT_DELAY_MS: "20" } },
});
const ORDERS = 200;
const INSTANCES = ["payments", "payments-2", "payments-3"];

const statsOf = async (instance: string) => {
  const response = await fetch(`${shop.service(instance).url}/admin/messaging`);
  return ((await response.json()) as { stats: { handled: number; retried: number } }).stats;
};
const handledBy = async (instance: string) => (await statsOf(instance)).handled;

describe("A burst of orders, with three payments instances on one queue", () => {
  it(`When ${ORDERS} orders come at once, one in ten declined, and payments-2 crashes halfway, then each is final, charged once, and its outcome said once`, async () => {
    // Arrange
    await shop.api.post("/api/admin/products/NTB-001/restock", { qty: 10_000 });
    const card = (i: number) => (i % 10 === 0 ? DECLINED_CARD : GOOD_CARD);
    const place = (i: number) =>
      shop.api.post("/api/orders", { lines: [{ sku: "NTB-001", qty: 1 }], card: card(i) });
    const started = performance.now();

    // Act: ten at a time, as many shoppers; payments-2 killed (SIGKILL) halfway, back at the end
    const accepted: string[] = [];
    let beforeItsCrash = { handled: 0, retried: 0 }; // its counters die with it
    for (let i = 0; i < ORDERS; i += 10) {
      if (i === ORDERS / 2) {
        beforeItsCrash = await statsOf("payments-2");
        await shop.service("payments-2").kill();
      }
      const batch = await Promise.all(Array.from({ length: 10 }, (_, k) => place(i + k)));
      for (const r of batch) {
        expect(r.status).toBe(202);
        accepted.push(r.body.id);
      }
    }
    await shop.service("payments-2").start();

    // Assert
    const outcome = await settled(shop, accepted, 90_000);
    const seconds = (performance.now() - started) / 1000;
    expect(outcome, "every order final: none waits on a fact that came first").toEqual({
      CONFIRMED: ORDERS - ORDERS / 10,
      REJECTED: ORDERS / 10,
    });
    const charges = paymentsRows(shop, `SELECT "approved", "requests" FROM "CardNetworkCharge"`);
    expect(charges, "one charge per order, whichever instance asked").toHaveLength(ORDERS);
    expect(charges.filter((c) => c.approved)).toHaveLength(ORDERS - ORDERS / 10);
    expect(outcomesSaid(shop), "one outcome per order").toBe(ORDERS);
    expect(shop.snapshot().Payment.filter((p) => p.status === "SUCCEEDED")).toHaveLength(
      ORDERS - ORDERS / 10,
    );
    // what payments-2 handled before its crash, and the others in all
    const handled = await Promise.all(INSTANCES.map(handledBy));
    handled[1] = beforeItsCrash.handled;
    for (const [i, count] of handled.entries())
      expect(count, `${INSTANCES[i]} took its share of the queue`).toBeGreaterThan(0);

    const totals = await messagingTotals(shop);
    // a message payments-2 held went back to the queue (redelivered), not to a retry queue
    expect(
      (totals.retried ?? 0) + beforeItsCrash.retried,
      "no handler failed on a fact that came early",
    ).toBe(0);
    const askedTwice = charges.filter((c) => c.requests > 1).length;
    console.log(
      `three payments instances: ${ORDERS} orders final in ${seconds.toFixed(1)} s; handled ` +
        `${handled.join("/")}; ${askedTwice} charges asked for twice (one charge each); ` +
        `messaging ${JSON.stringify(totals)}`,
    );
  }, 120_000);
});
