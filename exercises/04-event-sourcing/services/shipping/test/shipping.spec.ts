import { describe, expect, it } from "vitest";
import {
  cancelShipment,
  carrierQuote,
  scheduleShipment,
  tombstone,
} from "../src/domain/shipping.ts";

describe("Shipping", () => {
  describe("When quoting", () => {
    it("given one item, then the carrier charges the base rate", () => {
      expect(carrierQuote(1)).toEqual({ cents: 399, source: "carrier" });
    });

    it("given more items, then each extra item adds a little", () => {
      expect(carrierQuote(3)).toEqual({ cents: 599, source: "carrier" });
    });
  });

  describe("When an order is cancelled", () => {
    it("given a scheduled shipment, then it is cancelled once", () => {
      const now = new Date("2026-01-01T10:00:00Z");
      const cancelled = cancelShipment(scheduleShipment("o-1"), now);
      expect(cancelled).toEqual({ orderId: "o-1", cancelledAt: now });
      expect(cancelShipment(cancelled, new Date())).toBe(cancelled);
    });

    it("given no shipment yet (the cancel came before the confirm), then a cancelled one stands in for it", () => {
      const now = new Date("2026-01-01T10:00:00Z");
      expect(tombstone("o-2", now)).toEqual({ orderId: "o-2", cancelledAt: now });
    });
  });
});
