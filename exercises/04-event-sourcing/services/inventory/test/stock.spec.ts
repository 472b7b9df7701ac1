import { describe, expect, it } from "vitest";
import { OutOfStock, release, reserve, restock } from "../src/domain/stock.ts";

const stock = (available: number, reserved = 0) => ({ sku: "MUG-001", available, reserved });

describe("Stock", () => {
  describe("When reserving", () => {
    it("given enough available, then the quantity moves from available to reserved", () => {
      expect(reserve(stock(5), 2)).toEqual(stock(3, 2));
    });

    it("given exactly the last units, then all of them are reserved", () => {
      expect(reserve(stock(2), 2)).toEqual(stock(0, 2));
    });

    it("given fewer available than asked, then it is refused with what is left", () => {
      expect(() => reserve(stock(1), 2)).toThrow(new OutOfStock("MUG-001", 1, 2));
    });
  });

  describe("When releasing", () => {
    it("given a reservation, then the quantity goes back to available", () => {
      expect(release(stock(3, 2), 2)).toEqual(stock(5, 0));
    });

    it("given less reserved than asked, then only what is reserved goes back", () => {
      expect(release(stock(3, 1), 2)).toEqual(stock(4, 0));
    });
  });

  describe("When restocking", () => {
    it("then available grows and reserved stays", () => {
      expect(restock(stock(0, 2), 10)).toEqual(stock(10, 2));
    });
  });
});
