// Given a state, when a command, then a result: the order's rules without HTTP or a database.
import { describe, expect, it } from "vitest";
import { UnknownSku } from "../../catalog/src/domain/product.ts";
import { cancelOrder, OrderNotCancellable, placeOrder, type Order } from "../src/domain/order.ts";

const now = new Date("2026-01-01T10:00:00Z");
const prices = new Map([
  ["MUG-001", 1299],
  ["PEN-001", 4599],
]);
const confirmed = (): Order =>
  placeOrder({ orderId: "o-1", lines: [{ sku: "MUG-001", qty: 2 }], now }, prices);

describe("Order", () => {
  describe("When placing an order", () => {
    it("given every sku has a price, then each line gets today's price and the total adds them up", () => {
      const order = placeOrder(
        {
          orderId: "o-1",
          lines: [
            { sku: "MUG-001", qty: 2 },
            { sku: "PEN-001", qty: 1 },
          ],
          now,
        },
        prices,
      );

      expect(order).toEqual({
        id: "o-1",
        status: "CONFIRMED",
        lines: [
          { sku: "MUG-001", qty: 2, unitPriceCents: 1299 },
          { sku: "PEN-001", qty: 1, unitPriceCents: 4599 },
        ],
        totalCents: 2 * 1299 + 4599,
        createdAt: now,
      });
    });

    it("given a sku the catalog does not know, then it is refused naming every unknown sku", () => {
      const place = () =>
        placeOrder(
          {
            orderId: "o-1",
            lines: [
              { sku: "NOPE-1", qty: 1 },
              { sku: "MUG-001", qty: 1 },
              { sku: "NOPE-2", qty: 1 },
            ],
            now,
          },
          prices,
        );

      expect(place).toThrow(UnknownSku);
      expect(place).toThrow("Unknown sku: NOPE-1, NOPE-2");
    });
  });

  describe("When confirmed", () => {
    it("then cancelling makes it CANCELLED and keeps its lines and total", () => {
      const order = confirmed();
      expect(cancelOrder(order)).toEqual({ ...order, status: "CANCELLED" });
    });
  });

  describe("When cancelled", () => {
    it("then cancelling again is refused", () => {
      const cancelled = cancelOrder(confirmed());
      expect(() => cancelOrder(cancelled)).toThrow(OrderNotCancellable);
    });
  });
});
