import { describe, expect, it } from "vitest";
import { useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("POST /api/admin/products/:sku/restock", () => {
  it("When 10 umbrellas arrive, then 13 are available", async () => {
    const response = await shop.api.post("/api/admin/products/UMB-001/restock", { qty: 10 });
    const products = await shop.api.get("/api/products");

    expect(response).toMatchObject({
      status: 200,
      body: { sku: "UMB-001", available: 13, reserved: 0 },
    });
    expect(products.body).toContainEqual(
      expect.objectContaining({ sku: "UMB-001", available: 13 }),
    );
  });

  it("When qty is negative, then 400 names qty and nothing changes", async () => {
    const before = shop.snapshot();

    const response = await shop.api.post("/api/admin/products/UMB-001/restock", { qty: -5 });

    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual({ qty: "must be at least 1" });
    expect(shop.snapshot()).toEqual(before);
  });

  it("When the sku is unknown, then 404", async () => {
    expect((await shop.api.post("/api/admin/products/NOPE-1/restock", { qty: 1 })).status).toBe(
      404,
    );
  });
});
