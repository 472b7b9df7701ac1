// The two payments instances of services.json, on their one database, with a slow card network:
// whichever instance a charge or a refund reaches, and in whatever order, a card is charged at
// most once, and never kept for an order that was refunded.
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { freshDataDir, loadServices, startProcess, type RunningProcess } from "@shop/kit/testing";

const stepDir = join(import.meta.dirname, "../../..");
const dataDir = freshDataDir("payments-x2-");
let a: RunningProcess;
let b: RunningProcess;

beforeAll(async () => {
  const [first, second] = loadServices(stepDir).filter(
    (s) => s.entry === "services/payments/src/main.ts",
  );
  const start = (entry: typeof first) =>
    startProcess({
      name: entry!.name,
      cwd: stepDir,
      entry: join(stepDir, entry!.entry),
      env: { ...entry!.env, DATA_DIR: dataDir, PAYMENT_DELAY_MS: "400" },
    });
  [a, b] = [await start(first), await start(second)];
});
afterAll(() => Promise.all([a?.stop(), b?.stop()]));

const GOOD_CARD = "4242424242424242";
const charge = (instance: RunningProcess, orderId: string) =>
  fetch(`${instance.url}/payments`, {
    method: "POST",
    headers: { "content-type": "application/json", "Idempotency-Key": `charge-${orderId}` },
    body: JSON.stringify({ orderId, amountCents: 2598, card: GOOD_CARD }),
  });
const refund = (instance: RunningProcess, orderId: string) =>
  fetch(`${instance.url}/payments/${orderId}/refund`, { method: "POST" });
const requestsSeenBy = async (instance: RunningProcess) =>
  (await (await fetch(`${instance.url}/chaos`)).json()).requests as number;

function rows(sql: string, ...params: unknown[]): any[] {
  const db = new Database(join(dataDir, "payments.db"), { readonly: true });
  try {
    return db.prepare(sql).all(...params);
  } finally {
    db.close();
  }
}
const livePayments = (orderId: string) =>
  rows(`SELECT id FROM Payment WHERE orderId = ? AND refundedAt IS NULL`, orderId);
const cardCharges = (orderId: string) =>
  rows(
    `SELECT approved, requests FROM CardNetworkCharge WHERE idempotencyKey = ?`,
    `charge-${orderId}`,
  );

describe("Payments, two instances on one database", () => {
  it("When both instances are asked to charge one order at once, then the card is charged once and both answer with that payment", async () => {
    const orderId = randomUUID();

    const responses = await Promise.all([charge(a, orderId), charge(b, orderId)]);

    expect(responses.map((r) => r.status)).toEqual([201, 201]);
    const [first, second] = await Promise.all(responses.map((r) => r.json()));
    expect(first).toMatchObject({ orderId, status: "SUCCEEDED", refundedAt: null });
    expect(second.id).toBe(first.id);
    expect(rows(`SELECT status, attempts FROM Payment WHERE orderId = ?`, orderId)).toEqual([
      { status: "SUCCEEDED", attempts: 2 },
    ]);
    expect(cardCharges(orderId)).toEqual([{ approved: 1, requests: 2 }]); // asked twice, charged once
  });

  it("When a refund reaches one instance while the other is charging, then that charge is refunded at once and refused", async () => {
    // Arrange: b is charging, at the slow card network
    const orderId = randomUUID();
    const before = await requestsSeenBy(b);
    const charging = charge(b, orderId);
    await eventually(async () => expect(await requestsSeenBy(b)).toBe(before + 1));

    // Act
    const refunded = await refund(a, orderId);
    const charged = await charging;

    // Assert
    expect(refunded.status).toBe(204);
    expect(charged.status).toBe(409);
    expect((await charged.json()).error).toMatchObject({ code: "ORDER_REFUNDED" });
    expect(livePayments(orderId)).toEqual([]);
  });

  it("When the refund comes while the payment is PENDING at the card network, then the card is charged once and refunded as the charge completes", async () => {
    const orderId = randomUUID();
    const charging = charge(b, orderId);
    await eventually(() =>
      expect(rows(`SELECT status FROM Payment WHERE orderId = ?`, orderId)).toEqual([
        { status: "PENDING" },
      ]),
    );

    const refunded = await refund(a, orderId);

    expect(refunded.status).toBe(204);
    expect((await charging).status).toBe(409);
    expect(
      rows(
        `SELECT status, refundedAt IS NOT NULL AS refunded FROM Payment WHERE orderId = ?`,
        orderId,
      ),
    ).toEqual([{ status: "SUCCEEDED", refunded: 1 }]);
    expect(cardCharges(orderId)).toEqual([{ approved: 1, requests: 1 }]);
  });

  it("When a refund comes before any charge, then a charge after it is refused and the card is never charged", async () => {
    const orderId = randomUUID();

    const refunds = [await refund(a, orderId), await refund(b, orderId)];
    const charged = await charge(b, orderId);

    expect(refunds.map((r) => r.status)).toEqual([204, 204]);
    expect(charged.status).toBe(409);
    expect(livePayments(orderId)).toEqual([]);
    expect(cardCharges(orderId)).toEqual([]);
  });

  it("When the instance charging dies after the card network approved, and orders refunds at the other, then that charge counts as refunded", async () => {
    // Arrange: a third instance on the same database, to be killed mid-charge
    const [first] = loadServices(stepDir).filter(
      (s) => s.entry === "services/payments/src/main.ts",
    );
    const env = { ...first!.env, DATA_DIR: dataDir, PAYMENT_DELAY_MS: "5000" };
    const doomed = await startProcess({
      name: "payments-c",
      cwd: stepDir,
      entry: join(stepDir, first!.entry),
      env,
    });
    const orderId = randomUUID();
    void charge(doomed, orderId).catch(() => undefined);
    await eventually(() => expect(cardCharges(orderId)).toEqual([{ approved: 1, requests: 1 }]));

    // Act: it dies before writing the answer down; orders gives up and refunds
    await doomed.kill();
    expect((await refund(b, orderId)).status).toBe(204);

    // Assert: the payment the network approved is refunded, not left PENDING and charged
    expect(
      rows(
        `SELECT status, refundedAt IS NOT NULL AS refunded FROM Payment WHERE orderId = ?`,
        orderId,
      ),
    ).toEqual([{ status: "PENDING", refunded: 1 }]);
    expect(livePayments(orderId)).toEqual([]);
  });
});
