// Time travel: an order's state at any version, folded from its events; and its history.
import { describe, expect, it } from "vitest";
import { GOOD_CARD, untilQuiet, useShop } from "../../../test/support/shop.ts";

const shop = useShop();

describe("GET /api/orders/:id?version=N and /history", () => {
  it("When an order was placed, confirmed and cancelled, then each version shows it as it was, and the history lists the events", async () => {
    const { body } = await shop.api.post(
      "/api/orders",
      { lines: [{ sku: "MUG-001", qty: 1 }], card: GOOD_CARD },
      { "x-correlation-id": "travel-1" },
    );
    await shop.statusOf(body.id, "CONFIRMED");
    await shop.api.post(`/api/orders/${body.id}/cancel`);
    await untilQuiet(shop);

    const statuses = await Promise.all(
      [1, 2, 3].map(async (v) => (await shop.api.get(`/api/orders/${body.id}?version=${v}`)).body),
    );
    const history = (await shop.api.get(`/api/orders/${body.id}/history`)).body;

    expect(statuses.map((s) => [s.version, s.status])).toEqual([
      [1, "PENDING"],
      [2, "CONFIRMED"],
      [3, "CANCELLED"],
    ]);
    expect(history.map((e: { version: number; type: string }) => [e.version, e.type])).toEqual([
      [1, "OrderPlaced"],
      [2, "OrderConfirmed"],
      [3, "OrderCancelled"],
    ]);
    expect(history[0]).toMatchObject({ correlationId: "travel-1", causationId: null });
    expect(history[1].causationId).toEqual(expect.any(String)); // it follows from payments' event
    expect(JSON.stringify(history)).not.toContain(GOOD_CARD);
  });

  it("When the version is not a number or the order unknown, then 400 names version, and 404", async () => {
    const { body } = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 1 }],
      card: GOOD_CARD,
    });

    const bad = await shop.api.get(`/api/orders/${body.id}?version=abc`);
    const unknown = await shop.api.get("/api/orders/00000000-0000-4000-8000-000000000000/history");

    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ version: "must be a number" });
    expect(unknown.status).toBe(404);
  });
});
