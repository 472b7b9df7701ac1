// The whole step with orders and payments run twice (`npm start -- 02 --scale orders=2,payments=2`):
// two orders processes on one database, the gateway spreading the storefront's order requests over
// them, and each one spreading its charges over the three payments processes (payments-b too).
import { describe, expect, it } from "vitest";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

// A burst of 40 keeps inventory busy past the 500 ms a call may take (its breaker opens: the
// lesson of the step, not of this file): calls here may take 2 s.
const shop = useShop({
  scale: { orders: 2, payments: 2 },
  env: { orders: { CALL_TIMEOUT_MS: "2000" } },
});
const ORDERS = 40;
const INSTANCES = ["orders", "orders-2"];
const PAYMENTS = ["payments", "payments-2", "payments-b"];

const requestsTo = (instance: string) => shop.chaos(instance).requestCount();
const said = (r: { status: number; body: any }) =>
  `${r.status} ${r.body.status ?? r.body.error?.message}`;
const place = () =>
  shop.api.post("/api/orders", { lines: [{ sku: "NTB-001", qty: 1 }], card: GOOD_CARD });
const available = async () =>
  (await shop.api.get("/api/products")).body.find((p: any) => p.sku === "NTB-001").available;

describe("Two orders processes behind the gateway", () => {
  it(`When ${ORDERS} orders come at once, then each process places half, on one database: each confirmed, charged and taken from stock once`, async () => {
    await shop.api.post("/api/admin/products/NTB-001/restock", { qty: ORDERS });
    const stockBefore = await available();
    const before = await Promise.all(INSTANCES.map(requestsTo));
    const chargesBefore = await Promise.all(PAYMENTS.map(requestsTo));

    const replies = await Promise.all(Array.from({ length: ORDERS }, place));

    expect(replies.map(said)).toEqual(Array(ORDERS).fill("201 CONFIRMED"));
    const after = await Promise.all(INSTANCES.map(requestsTo));
    expect(after.map((n, i) => n - before[i]!)).toEqual([ORDERS / 2, ORDERS / 2]);
    const charges = await Promise.all(PAYMENTS.map(requestsTo));
    for (const [i, instance] of PAYMENTS.entries())
      expect(charges[i]! - chargesBefore[i]!, `charges at ${instance}`).toBeGreaterThan(0);
    const { Order, Payment } = shop.snapshot();
    expect(Order.map((o) => o.status)).toEqual(Array(ORDERS).fill("CONFIRMED"));
    expect(new Set(Payment.map((p) => p.orderId)).size).toBe(ORDERS);
    expect(Payment).toHaveLength(ORDERS);
    expect(await available()).toBe(stockBefore - ORDERS);
  });

  it("When the first orders process is down, then the orders go to the other one", async () => {
    await shop.service("orders").stop();

    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await place());

    expect(replies.map(said)).toEqual(Array(4).fill("201 CONFIRMED"));
  });
});
