// Bad input gets 400 with every bad field named by its path, and nothing is written.
import { describe, expect, it } from "vitest";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

const shop = useShop({ reset: "once" });

const cases: [string, unknown, Record<string, string>][] = [
  [
    "no body fields",
    {},
    { lines: "must be a list of { sku, qty }", card: "must be a string of 16 digits" },
  ],
  ["an empty cart", { lines: [], card: GOOD_CARD }, { lines: "must have at least one line" }],
  [
    "a zero quantity",
    { lines: [{ sku: "MUG-001", qty: 0 }], card: GOOD_CARD },
    { "lines.0.qty": "must be at least 1" },
  ],
  [
    "a fractional quantity",
    { lines: [{ sku: "MUG-001", qty: 1.5 }], card: GOOD_CARD },
    { "lines.0.qty": "must be a whole number" },
  ],
  [
    "a quantity as text",
    { lines: [{ sku: "MUG-001", qty: "2" }], card: GOOD_CARD },
    { "lines.0.qty": "must be a whole number" },
  ],
  [
    "a malformed sku",
    { lines: [{ sku: "mug 1", qty: 1 }], card: GOOD_CARD },
    { "lines.0.sku": "must be a sku such as MUG-001" },
  ],
  [
    "the same sku twice",
    {
      lines: [
        { sku: "MUG-001", qty: 1 },
        { sku: "MUG-001", qty: 2 },
      ],
      card: GOOD_CARD,
    },
    { "lines.1.sku": "appears on an earlier line" },
  ],
  [
    "a short card number",
    { lines: [{ sku: "MUG-001", qty: 1 }], card: "4242" },
    { card: "must be 16 digits" },
  ],
];

describe("POST /api/orders, when the input is invalid", () => {
  it.each(cases)(
    "When the body has %s, then 400 names each bad field and nothing changes",
    async (_name, body, fields) => {
      const before = shop.snapshot();

      const response = await shop.api.post("/api/orders", body);

      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: "INVALID_INPUT", fields });
      expect(Object.keys(response.body.error.fields)).toEqual(Object.keys(fields));
      expect(shop.snapshot()).toEqual(before);
    },
  );

  it("When the body is not JSON, then 400 says so and nothing changes", async () => {
    const before = shop.snapshot();

    const response = await shop.api.post("/api/orders", "{ not json");

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: "INVALID_INPUT",
      fields: { body: "must be JSON" },
    });
    expect(shop.snapshot()).toEqual(before);
  });

  it("When the Idempotency-Key is longer than 200 characters, then 400 names the header and nothing changes", async () => {
    const before = shop.snapshot();

    const response = await shop.api.post(
      "/api/orders",
      { lines: [{ sku: "MUG-001", qty: 1 }], card: GOOD_CARD },
      { "Idempotency-Key": "k".repeat(201) },
    );

    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual({
      "Idempotency-Key": "must be 1 to 200 characters",
    });
    expect(shop.snapshot()).toEqual(before);
  });

  it("When an order id is not a UUID, then 400 names the id; an unknown UUID is 404", async () => {
    const malformed = await shop.api.get("/api/orders/not-an-id");
    const unknown = await shop.api.get("/api/orders/00000000-0000-4000-8000-000000000000");

    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields).toEqual({ id: "must be an order id (a UUID)" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("NOT_FOUND");
  });
});
