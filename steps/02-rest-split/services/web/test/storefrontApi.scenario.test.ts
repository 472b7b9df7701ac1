import { describe, expect, it } from "vitest";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("The gateway's own routes", () => {
  it("When the shop starts, then it lists 10 seeded products, each with a price and 3 to 50 in stock", async () => {
    const { status, body } = await shop.api.get("/api/products");

    expect(status).toBe(200);
    expect(body).toHaveLength(10);
    for (const product of body) {
      expect(product).toEqual({
        sku: expect.stringMatching(/^[A-Z]{3}-\d{3}$/),
        name: expect.any(String),
        priceCents: expect.any(Number),
        available: expect.any(Number),
      });
      expect(product.available).toBeGreaterThanOrEqual(3);
      expect(product.available).toBeLessThanOrEqual(50);
    }
  });

  it("When a trainer resets the shop, then every service is back to its seed data", async () => {
    const seed = (await shop.api.get("/api/products")).body;
    await shop.api.post("/api/orders", { lines: [{ sku: "MUG-001", qty: 5 }], card: GOOD_CARD });
    await shop.api.put("/api/admin/products/TEE-001/price", { priceCents: 1 });

    const reset = await shop.api.post("/api/admin/reset");

    expect(reset.status).toBe(204);
    expect((await shop.api.get("/api/products")).body).toEqual(seed);
    expect((await shop.api.get("/api/orders")).body).toEqual([]);
    expect(shop.snapshot().Payment).toEqual([]);
  });

  it("When the inventory service is down, then the product list is a 503 naming it", async () => {
    await shop.service("inventory").stop();
    try {
      const response = await shop.api.get("/api/products");

      expect(response.status).toBe(503);
      expect(response.body.error).toMatchObject({
        code: "DEPENDENCY_UNAVAILABLE",
        dependency: "inventory",
      });
    } finally {
      await shop.service("inventory").start();
    }
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
