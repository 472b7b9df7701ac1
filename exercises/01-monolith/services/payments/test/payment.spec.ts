import { describe, expect, it } from "vitest";
import { charge, DECLINED_CARD, PaymentDeclined, refund } from "../src/domain/payment.ts";

const request = (card: string) => ({ paymentId: "p-1", orderId: "o-1", amountCents: 2598, card });

describe("Payment", () => {
  describe("When charging", () => {
    it("given a good card, then a payment for the amount is made and only the last four digits are kept", () => {
      expect(charge(request("4242424242424242"))).toEqual({
        id: "p-1",
        orderId: "o-1",
        amountCents: 2598,
        cardLast4: "4242",
        refundedAt: null,
      });
    });

    it("given the always-declined test card, then it is declined", () => {
      expect(() => charge(request(DECLINED_CARD))).toThrow(PaymentDeclined);
    });
  });

  describe("When refunding", () => {
    const now = new Date("2026-01-01T10:00:00Z");

    it("given a charged payment, then it is marked refunded", () => {
      expect(refund(charge(request("4242424242424242")), now).refundedAt).toEqual(now);
    });

    it("given an already refunded payment, then the first refund stands", () => {
      const once = refund(charge(request("4242424242424242")), now);
      expect(refund(once, new Date("2026-02-01T00:00:00Z"))).toBe(once);
    });
  });
});
