// A copy never depends on having been subscribed since the beginning: a service that starts
// after the others, with an empty database and a new queue, asks for a snapshot and catches up.
import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { deleteQueue } from "../../../messaging/cleanup.ts";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("orders' copy of the catalog, when orders starts after the others", () => {
  it("When orders starts afresh after a price change it never saw, then the snapshot brings the change and orders prices with it", async () => {
    // Arrange: orders is gone, with its data and its queue; meanwhile the price changes
    const orders = shop.service("orders");
    await orders.stop();
    rmSync(orders.dataDir, { recursive: true, force: true });
    await deleteQueue(`${shop.brokerPrefix}orders.product-changed`);
    await shop.api.put("/api/admin/products/PEN-001/price", { priceCents: 3999 });

    // Act
    await orders.start();

    // Assert
    await eventually(async () => {
      const copy = await (await fetch(`${orders.url}/admin/product-copy`)).json();
      expect(copy).toHaveLength(10);
      expect(copy).toContainEqual(expect.objectContaining({ sku: "PEN-001", priceCents: 3999 }));
    });
    const { body } = await shop.api.post("/api/orders", {
      lines: [{ sku: "PEN-001", qty: 1 }],
      card: GOOD_CARD,
    });
    expect(body.totalCents).toBe(3999);
  });
});
