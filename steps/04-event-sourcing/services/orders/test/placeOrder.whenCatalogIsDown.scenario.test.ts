// Local copies instead of calls: orders prices from its own copy of the catalog, so an order
// needs no catalog at the moment it is placed.
import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("POST /api/orders, when the catalog is down", () => {
  it("When the price changed before the catalog stopped, then orders still prices from its copy, with the new price", async () => {
    // Arrange: a price change reaches orders' copy, then the catalog stops
    await shop.api.put("/api/admin/products/MUG-001/price", { priceCents: 1500 });
    await eventually(async () =>
      expect(
        await (await fetch(`${shop.service("orders").url}/admin/product-copy`)).json(),
      ).toContainEqual(expect.objectContaining({ sku: "MUG-001", priceCents: 1500 })),
    );
    await shop.service("catalog").stop();

    // Act
    const { status, body } = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 2 }],
      card: GOOD_CARD,
    });

    // Assert
    expect(status).toBe(202);
    expect(body.lines).toEqual([{ sku: "MUG-001", qty: 2, unitPriceCents: 1500 }]);
    await shop.statusOf(body.id, "CONFIRMED");
  });
});
