import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("PUT /api/admin/products/:sku/price", () => {
  it("When the price of mugs changes, then the change reaches the storefront's and orders' copies, and the next order is charged it", async () => {
    const changed = await shop.api.put("/api/admin/products/MUG-001/price", { priceCents: 1500 });

    expect(changed).toMatchObject({ status: 200, body: { sku: "MUG-001", priceCents: 1500 } });
    await eventually(async () => {
      expect((await shop.api.get("/api/products")).body).toContainEqual(
        expect.objectContaining({ sku: "MUG-001", priceCents: 1500 }),
      );
      expect(
        await (await fetch(`${shop.service("orders").url}/admin/product-copy`)).json(),
      ).toContainEqual(expect.objectContaining({ sku: "MUG-001", priceCents: 1500 }));
    });
    const order = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 2 }],
      card: GOOD_CARD,
    });
    expect(order.body.totalCents).toBe(3000);
  });

  it.each([
    [{ priceCents: 0 }, "must be at least 1"],
    [{ priceCents: 12.5 }, "must be a whole number of cents"],
    [{}, "must be a whole number of cents"],
  ])("When the body is %j, then 400 names priceCents and nothing changes", async (body, reason) => {
    const before = shop.snapshot();

    const response = await shop.api.put("/api/admin/products/MUG-001/price", body);

    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual({ priceCents: reason });
    expect(shop.snapshot()).toEqual(before);
  });

  it("When the sku is unknown, then 404", async () => {
    expect(
      (await shop.api.put("/api/admin/products/NOPE-1/price", { priceCents: 100 })).status,
    ).toBe(404);
  });
});
