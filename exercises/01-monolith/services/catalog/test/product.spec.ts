import { describe, expect, it } from "vitest";
import { changePrice } from "../src/domain/product.ts";

describe("Product", () => {
  describe("When its price changes", () => {
    it("then only the price changes", () => {
      expect(changePrice({ sku: "MUG-001", name: "Mug", priceCents: 1299 }, 1499)).toEqual({
        sku: "MUG-001",
        name: "Mug",
        priceCents: 1499,
      });
    });
  });
});
