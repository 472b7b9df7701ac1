// The shipping quote is the one call that stays synchronous: with a timeout and a flat rate.
import { describe, expect, it } from "vitest";
import { useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("GET /api/shipping/quote", () => {
  it("When a cart line asks for a quote, then the carrier's rate comes back", async () => {
    const response = await shop.api.get("/api/shipping/quote?sku=MUG-001&qty=3");

    expect(response).toMatchObject({ status: 200, body: { cents: 599, source: "carrier" } });
  });

  it("When shipping answers slower than the gateway waits, then the flat rate comes back at once", async () => {
    await shop.chaos("shipping").addLatency(2_000);

    const response = await shop.api.get("/api/shipping/quote?sku=MUG-001&qty=3");

    expect(response).toMatchObject({ status: 200, body: { cents: 999, source: "fallback" } });
  });

  it("When shipping is down, then the flat rate comes back", async () => {
    await shop.service("shipping").stop();

    expect((await shop.api.get("/api/shipping/quote?sku=MUG-001&qty=1")).body).toEqual({
      cents: 999,
      source: "fallback",
    });
  });

  it("When qty is missing and sku empty, then 400 names both", async () => {
    const response = await shop.api.get("/api/shipping/quote?sku=");

    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual({ sku: "is required", qty: "must be a number" });
  });

  it("When the sku is not in the storefront's copy of the catalog, then 422", async () => {
    const response = await shop.api.get("/api/shipping/quote?sku=NOPE-1&qty=1");

    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("UNKNOWN_SKU");
  });
});
