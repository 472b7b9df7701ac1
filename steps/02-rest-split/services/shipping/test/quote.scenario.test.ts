import { describe, expect, it } from "vitest";
import { useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("GET /api/shipping/quote", () => {
  it("When a cart line asks for a quote, then the carrier's rate comes back", async () => {
    const response = await shop.api.get("/api/shipping/quote?sku=MUG-001&qty=3");

    expect(response).toMatchObject({ status: 200, body: { cents: 599, source: "carrier" } });
  });

  it("When qty is missing and sku empty, then 400 names both", async () => {
    const response = await shop.api.get("/api/shipping/quote?sku=");

    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual({ sku: "is required", qty: "must be a number" });
  });

  it("When the sku is unknown, then 422", async () => {
    const response = await shop.api.get("/api/shipping/quote?sku=NOPE-1&qty=1");

    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("UNKNOWN_SKU");
  });
});
