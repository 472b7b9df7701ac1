import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { GOOD_CARD, SEED_VIEW, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("The gateway's own routes", () => {
  it("When the shop starts, then the product list comes from the gateway's own copy: 10 products, 3 to 50 in stock", async () => {
    const { status, body } = await shop.api.get("/api/products");

    expect(status).toBe(200);
    expect(body).toEqual(SEED_VIEW);
    for (const product of body) expect(product.available).toBeGreaterThanOrEqual(3);
  });

  it("When catalog and inventory are both down, then the product list still answers, from the copy", async () => {
    await shop.service("catalog").stop();
    await shop.service("inventory").stop();
    try {
      expect(await shop.api.get("/api/products")).toMatchObject({ status: 200, body: SEED_VIEW });
    } finally {
      await shop.service("catalog").start();
      await shop.service("inventory").start();
    }
  });

  it("When a trainer resets the shop, then every service and every copy is back to the seed data", async () => {
    const order = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 5 }],
      card: GOOD_CARD,
    });
    await shop.statusOf(order.body.id, "CONFIRMED");
    await shop.api.put("/api/admin/products/TEE-001/price", { priceCents: 1 });

    const reset = await shop.api.post("/api/admin/reset");

    expect(reset.status).toBe(204);
    await eventually(async () =>
      expect((await shop.api.get("/api/products")).body).toEqual(SEED_VIEW),
    );
    expect((await shop.api.get("/api/orders")).body).toEqual([]);
    expect(shop.snapshot().Payment).toEqual([]);
  });

  it("When the page or an order page is requested, then the storefront HTML is served; /health answers", async () => {
    const home = await fetch(`${shop.url}/`);
    const orderPage = await fetch(`${shop.url}/orders/00000000-0000-4000-8000-000000000000`);
    const health = await shop.api.get("/health");

    expect(await home.text()).toContain("<title>Workshop Shop</title>");
    expect(await orderPage.text()).toContain('id="order-page"');
    expect(health).toMatchObject({ status: 200, body: { status: "ok" } });
  });
});
