import { describe, expect, it } from "vitest";
import { chargeKey, pendingPayment } from "../src/domain/payment.ts";

describe("Payment", () => {
  describe("When a charge starts", () => {
    it("then the payment is PENDING for the amount, and only the last four digits of the card are kept", () => {
      const payment = pendingPayment({
        paymentId: "p-1",
        orderId: "o-1",
        amountCents: 2598,
        card: "4242424242424242",
      });

      expect(payment).toEqual({
        id: "p-1",
        orderId: "o-1",
        amountCents: 2598,
        cardLast4: "4242",
        status: "PENDING",
        refundedAt: null,
      });
    });

    it("then the card network is asked with one key per order, whoever asks and however often", () => {
      expect(chargeKey("o-1")).toBe(chargeKey("o-1"));
      expect(chargeKey("o-1")).not.toBe(chargeKey("o-2"));
    });
  });
});
