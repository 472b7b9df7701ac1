// A fallback: orders remembers the last price the catalog gave, and uses it while the catalog is
// down, but only for a while and only for what it has seen.
import { describe, expect, it } from "vitest";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("POST /api/orders, when the catalog is down", () => {
  it("When the catalog is down, then an order is priced at the last price orders saw for that sku", async () => {
    // Arrange: one order teaches orders the mug's price, then the price changes, then the catalog stops
    await shop.api.put("/api/admin/products/MUG-001/price", { priceCents: 1500 });
    expect(
      (await shop.api.post("/api/orders", { lines: [{ sku: "MUG-001", qty: 1 }], card: GOOD_CARD }))
        .status,
    ).toBe(201);
    await shop.service("catalog").stop();

    // Act
    const { status, body } = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 2 }],
      card: GOOD_CARD,
    });

    // Assert
    expect(status).toBe(201);
    expect(body.lines).toEqual([{ sku: "MUG-001", qty: 2, unitPriceCents: 1500 }]);
  });

  it("When the catalog is down and orders never saw a sku's price, then 503 naming the catalog and nothing is reserved", async () => {
    await shop.service("catalog").stop();
    const before = shop.snapshot();

    const { status, body } = await shop.api.post("/api/orders", {
      lines: [{ sku: "PEN-001", qty: 1 }],
      card: GOOD_CARD,
    });

    expect(status).toBe(503);
    expect(body.error).toMatchObject({ code: "DEPENDENCY_UNAVAILABLE", dependency: "catalog" });
    expect(shop.snapshot()).toEqual(before);
  });
});
