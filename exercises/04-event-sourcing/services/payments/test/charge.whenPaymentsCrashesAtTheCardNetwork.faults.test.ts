// The card network is outside our transactions: once it has charged, no rollback undoes that. A
// crash before payments records the answer must not turn the redelivered message into a second
// charge.
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

// The card network's answer takes 3 s to come back: the moment to crash in.
const shop = useShop({ env: { payments: { PAYMENT_DELAY_MS: "3000" } } });

function cardCharges(orderId: string): any[] {
  const db = new Database(join(shop.service("payments").dataDir, "payments.db"), {
    readonly: true,
  });
  try {
    return db
      .prepare(`SELECT approved, requests FROM CardNetworkCharge WHERE idempotencyKey = ?`)
      .all(`charge-${orderId}`);
  } finally {
    db.close();
  }
}

describe("payments, when it crashes while the card network answers", () => {
  it("When payments is killed after the card was charged and before it recorded that, then the redelivery gets the first answer and the card is charged once", async () => {
    // Arrange: the card is charged, the answer is on its way back
    const { body } = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 1 }],
      card: GOOD_CARD,
    });
    await eventually(() => expect(cardCharges(body.id)).toHaveLength(1));

    // Act
    await shop.service("payments").kill();
    await shop.service("payments").start({ PAYMENT_DELAY_MS: "0" });

    // Assert
    await shop.statusOf(body.id, "CONFIRMED");
    expect(cardCharges(body.id)).toEqual([{ approved: 1, requests: 2 }]); // asked again after the crash, charged once
    expect(shop.snapshot().Payment).toEqual([
      expect.objectContaining({ orderId: body.id, status: "SUCCEEDED", refundedAt: null }),
    ]);
  });
});
