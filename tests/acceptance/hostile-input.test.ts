// Every step, one shop each: the hostile requests of hostile-input.ts, in sequence, each answered
// 4xx in the error shape; then orders, stock and prices are what they were before.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { startShopUnderTest, STEPS, type ShopUnderTest } from "../support/shop-under-test.ts";
import { CARD, hostileRequests, problemsWith, send, type HostileRequest } from "./hostile-input.ts";

/** What hostile input must not change. Payments expose no list of charges in any step. */
async function stateOf(shop: ShopUnderTest) {
  const state: Record<string, unknown> = {
    orders: (await shop.get("/api/orders")).body,
    products: (await shop.get("/api/products")).body,
  };
  if (shop.stepName.startsWith("04")) state.sales = await (await fetch(`${shop.service("orders").url}/admin/sales`)).json();
  return state;
}

for (const stepName of STEPS) {
  describe(`hostile input: ${stepName}`, () => {
    let shop: ShopUnderTest;
    let rows: HostileRequest[] = [];
    let before: Record<string, unknown>;

    beforeAll(async () => {
      shop = await startShopUnderTest(stepName);
      const seed = (await shop.get("/api/products")).body;
      // One order, placed with a key and cancelled: a key to reuse, an order not to cancel twice.
      const usedKey = `hostile-${randomUUID()}`;
      const placed = await shop.post("/api/orders", { lines: [{ sku: "NTB-001", qty: 1 }], card: CARD }, { "Idempotency-Key": usedKey });
      expect((await shop.final(placed.body.id)).status).toBe("CONFIRMED");
      await shop.post(`/api/orders/${placed.body.id}/cancel`);
      expect((await shop.final(placed.body.id)).status).toBe("CANCELLED");
      await eventually(async () => expect((await shop.get("/api/products")).body).toEqual(seed));
      rows = hostileRequests({ stepName, cancelledOrderId: placed.body.id, usedKey });
      before = await stateOf(shop);
    });
    afterAll(() => shop?.stop());

    // The table's length does not depend on the order and key it is given.
    const count = hostileRequests({ stepName, cancelledOrderId: "", usedKey: "" }).length;

    it(`${count} hostile requests (at least 60) answer 4xx in the error shape, naming the bad field`, async () => {
      expect(rows.length).toBeGreaterThanOrEqual(60);
      const web = shop.service("web").url;
      const failures: string[] = [];
      const started = performance.now();
      for (const row of rows) {
        const problems = problemsWith(row, await send(web, row));
        if (problems.length > 0) failures.push(`${row.method} ${row.path.slice(0, 60)} (${row.name}): ${problems.join("; ")}`);
      }
      const ms = Math.round(performance.now() - started);
      console.log(`${stepName}: ${rows.length} hostile requests in ${ms} ms, ${failures.length} answered wrongly`);
      expect(failures, `${failures.length} of ${rows.length} hostile requests answered wrongly`).toEqual([]);
    });

    it("changes no order, stock or price", async () => {
      // 03/04: anything a request did set off would arrive by message; give it the time to.
      if (Number(stepName.slice(0, 2)) >= 3) await new Promise((r) => setTimeout(r, 500));
      expect(await stateOf(shop)).toEqual(before);
    });
  });
}
