// Exercise 01.1: calls cancelOrder directly, on a real database, with an order placed for real.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inTransaction, type PrismaClient } from "../../../prisma/client.ts";
import { seededDatabase } from "../../../test/support/database.ts";
import { cancelOrder } from "../src/cancel-order.ts";
import { findOrder } from "../src/db/orders.ts";
import { OrderNotCancellable } from "../src/domain/order.ts";
import { placeOrder } from "../src/place-order.ts";

let db: PrismaClient;
beforeEach(async () => (db = await seededDatabase()));
afterEach(() => db.$disconnect());

const placeMugs = () =>
  inTransaction(db, (tx) =>
    placeOrder(tx, { lines: [{ sku: "MUG-001", qty: 2 }], card: "4242424242424242" }),
  );

describe("Exercise 01.1: cancelOrder", () => {
  it("When a CONFIRMED order is cancelled, then it is CANCELLED and saved so", async () => {
    const order = await placeMugs();

    const cancelled = await inTransaction(db, (tx) => cancelOrder(tx, order.id));

    expect(cancelled).toEqual({ ...order, status: "CANCELLED" });
    expect((await findOrder(db, order.id))?.status).toBe("CANCELLED");
  });

  it("When it is cancelled, then its stock is available again", async () => {
    const order = await placeMugs();

    await inTransaction(db, (tx) => cancelOrder(tx, order.id));

    expect(
      await db.stock.findUnique({ where: { sku: "MUG-001" } }),
      "a cancel puts the stock back on sale: release it",
    ).toEqual({
      sku: "MUG-001",
      available: 25,
      reserved: 0,
    });
  });

  it("When it is cancelled, then its payment is refunded and its shipment cancelled", async () => {
    const order = await placeMugs();

    await inTransaction(db, (tx) => cancelOrder(tx, order.id));

    expect(
      (await db.payment.findUnique({ where: { orderId: order.id } }))?.refundedAt,
      "a cancel gives the money back: refund the payment",
    ).toBeInstanceOf(Date);
    expect(
      (await db.shipment.findUnique({ where: { orderId: order.id } }))?.cancelledAt,
      "a cancel stops the parcel: cancel the shipment",
    ).toBeInstanceOf(Date);
  });

  it("When the transaction around it fails later, then nothing of the cancel remains", async () => {
    const order = await placeMugs();

    await expect(
      inTransaction(db, async (tx) => {
        await cancelOrder(tx, order.id);
        throw new Error("the caller fails after the cancel");
      }),
    ).rejects.toThrow("the caller fails after the cancel");

    expect((await findOrder(db, order.id))?.status).toBe("CONFIRMED");
    expect(await db.stock.findUnique({ where: { sku: "MUG-001" } })).toEqual({
      sku: "MUG-001",
      available: 23,
      reserved: 2,
    });
    expect((await db.payment.findUnique({ where: { orderId: order.id } }))?.refundedAt).toBeNull();
  });

  it("When it was already cancelled, then it is refused with OrderNotCancellable", async () => {
    const order = await placeMugs();
    await inTransaction(db, (tx) => cancelOrder(tx, order.id));

    const again = await inTransaction(db, (tx) => cancelOrder(tx, order.id)).catch((e) => e);
    expect(
      again,
      "ask the domain first (decide): only a CONFIRMED order can be cancelled",
    ).toBeInstanceOf(OrderNotCancellable);
  });

  it("When the order does not exist, then it is NOT_FOUND", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const refusal = await inTransaction(db, (tx) => cancelOrder(tx, missing)).catch((e) => e);
    expect(
      refusal,
      "an order that is not there is NOT_FOUND (throw NotFound), not a crash",
    ).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining(missing) });
  });
});
