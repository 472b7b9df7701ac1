// PROJECTIONS=inline, the trainer's other setting: every write waits until the read models have
// applied it, so the list never lags, and each request pays for it.
import { describe, expect, it } from "vitest";
import { GOOD_CARD, pauseProjections, useShop } from "../../../test/support/shop.ts";

const shop = useShop({ env: { orders: { PROJECTIONS: "inline" } } });

describe("Inline projections (PROJECTIONS=inline)", () => {
  it("When an order is answered, then the list has it already, even with the loop held back", async () => {
    await pauseProjections(shop, true); // inline, the write itself brings the read models up to date

    for (let i = 0; i < 5; i++) {
      const { status, body } = await shop.api.post("/api/orders", {
        lines: [{ sku: "NTB-001", qty: 1 }],
        card: GOOD_CARD,
      });
      const list = (await shop.api.get("/api/orders")).body;

      expect(status).toBe(202);
      expect(list.map((o: any) => o.id)).toContain(body.id);
    }
  });
});
