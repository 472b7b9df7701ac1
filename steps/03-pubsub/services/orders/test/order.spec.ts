// Given a state, when a command or an event, then a result: the order's rules without HTTP, a
// database or a broker.
import { describe, expect, it } from "vitest";
import {
  cancelOrder,
  confirmOrder,
  OrderNotCancellable,
  placeOrder,
  rejectOrder,
  UnknownSku,
  type Order,
} from "../src/domain/order.ts";

const now = new Date("2026-01-01T10:00:00Z");
const prices = new Map([
  ["MUG-001", 1299],
  ["PEN-001", 4599],
]);
const pending = (): Order =>
  placeOrder({ orderId: "o-1", lines: [{ sku: "MUG-001", qty: 2 }], now }, prices);

describe("Order", () => {
  describe("When placing an order", () => {
    it("given every sku has a price, then it is PENDING, each line at today's price, the total adding them up", () => {
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
        status: "PENDING",
        lines: [
          { sku: "MUG-001", qty: 2, unitPriceCents: 1299 },
          { sku: "PEN-001", qty: 1, unitPriceCents: 4599 },
        ],
        totalCents: 2 * 1299 + 4599,
        rejectionReason: null,
        createdAt: now,
      });
    });

    it("given a sku the copy of the catalog does not know, then it is refused naming every unknown sku", () => {
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

  describe("When PENDING", () => {
    it("then the payment going through makes it CONFIRMED", () => {
      expect(confirmOrder(pending())).toEqual({ ...pending(), status: "CONFIRMED" });
    });

    it("then a rejection makes it REJECTED with the reason", () => {
      expect(rejectOrder(pending(), "OUT_OF_STOCK")).toEqual({
        ...pending(),
        status: "REJECTED",
        rejectionReason: "OUT_OF_STOCK",
      });
    });

    it("then it cannot be cancelled yet", () => {
      expect(() => cancelOrder(pending())).toThrow(OrderNotCancellable);
    });
  });

  describe("When CONFIRMED", () => {
    it("then cancelling makes it CANCELLED and keeps its lines and total", () => {
      const confirmed = confirmOrder(pending());
      expect(cancelOrder(confirmed)).toEqual({ ...confirmed, status: "CANCELLED" });
    });

    it("then a late rejection changes nothing", () => {
      const confirmed = confirmOrder(pending());
      expect(rejectOrder(confirmed, "PAYMENT_DECLINED")).toBe(confirmed);
    });
  });

  describe("When REJECTED", () => {
    it("then a late or repeated event changes nothing, and it cannot be cancelled", () => {
      const rejected = rejectOrder(pending(), "PAYMENT_DECLINED");
      expect(confirmOrder(rejected)).toBe(rejected);
      expect(rejectOrder(rejected, "OUT_OF_STOCK")).toBe(rejected);
      expect(() => cancelOrder(rejected)).toThrow(OrderNotCancellable);
    });
  });

  describe("When CANCELLED", () => {
    it("then cancelling again is refused", () => {
      const cancelled = cancelOrder(confirmOrder(pending()));
      expect(() => cancelOrder(cancelled)).toThrow(OrderNotCancellable);
    });
  });
});
