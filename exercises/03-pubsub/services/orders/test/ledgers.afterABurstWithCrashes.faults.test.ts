// Everything at once: 200 orders, some with a declined card and some for more pens than there
// are, while inventory and payments are killed (SIGKILL) and restarted and the broker link is
// cut once. Afterwards the books of every service must agree, order by order.
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import {
  DECLINED_CARD,
  GOOD_CARD,
  settled,
  useShop,
  type TestShop,
} from "../../../test/support/shop.ts";
import { SEED_STOCK } from "../../../services/inventory/src/db/seed.ts";

const shop = useShop({ brokerLink: true, reset: false });
const ORDERS = 200;
const RESTOCKED = 1_000; // notebooks for every order; the 5 pens run out

describe("The ledgers after a burst with crashes", () => {
  it(`When ${ORDERS} orders meet two crashes and a cut link, then each accepted order is final and every ledger agrees with it`, async () => {
    await shop.api.post("/api/admin/products/NTB-001/restock", { qty: RESTOCKED });
    const accepted = await burst(shop, ORDERS, {
      40: () => shop.service("inventory").kill(),
      70: () => shop.service("inventory").start(),
      90: () => shop.service("payments").kill(),
      120: () => shop.service("payments").start(),
      140: async () => shop.brokerLink!.cut(),
      170: async () => shop.brokerLink!.restore(),
    });

    const outcome = await settled(shop, accepted, 120_000);
    expect(outcome.CONFIRMED).toBeGreaterThan(0);
    expect(outcome.REJECTED).toBeGreaterThan(0);
    // Orders may know an outcome before inventory has released what it held: the books settle too.
    await eventually(() => expect(ledgerProblems(shop)).toEqual([]), {
      timeout: 30_000,
      interval: 500,
    });
  }, 240_000);
});

/** Places `n` orders, ten at a time, doing `faults[i]` while the i-th ten are in flight; returns the accepted ids. */
async function burst(
  shop: TestShop,
  n: number,
  faults: Record<number, () => Promise<void>>,
): Promise<string[]> {
  const accepted: string[] = [];
  for (let i = 0; i < n; i += 10) {
    const inFlight = Promise.all(
      Array.from({ length: 10 }, (_, j) => shop.api.post("/api/orders", orderNo(i + j))),
    );
    const [batch] = await Promise.all([inFlight, faults[i]?.()]);
    for (const reply of batch) {
      expect(reply.status, JSON.stringify(reply.body)).toBe(202);
      accepted.push(reply.body.id);
    }
  }
  return accepted;
}

/** Every 7th card is declined; every 5th order also wants a pen (5 in stock). */
function orderNo(i: number) {
  const lines = [{ sku: "NTB-001", qty: 1 }];
  if (i % 5 === 0) lines.push({ sku: "PEN-001", qty: 1 });
  return { lines, card: i % 7 === 0 ? DECLINED_CARD : GOOD_CARD };
}

/** What the services' databases disagree on; empty when the books are right. */
function ledgerProblems(shop: TestShop): string[] {
  const { Order, OrderLine, Payment, Reservation, Stock } = shop.snapshot();
  const charges = rowsOf(shop, "payments", "CardNetworkCharge");
  const problems: string[] = [];
  for (const order of Order) {
    const live = Payment.filter(
      (p) => p.orderId === order.id && p.status === "SUCCEEDED" && p.refundedAt === null,
    );
    const held = Reservation.filter((r) => r.orderId === order.id && !r.released);
    const lines = OrderLine.filter((l) => l.orderId === order.id);
    if (order.status === "CONFIRMED") {
      if (live.length !== 1)
        problems.push(`${order.id} CONFIRMED with ${live.length} live payments`);
      const holdsEachLine =
        held.length === lines.length &&
        lines.every((l) => held.some((r) => r.sku === l.sku && r.qty === l.qty));
      if (!holdsEachLine)
        problems.push(
          `${order.id} CONFIRMED holds ${JSON.stringify(held)} for ${JSON.stringify(lines)}`,
        );
    } else {
      if (live.length > 0) problems.push(`${order.id} ${order.status} keeps a live payment`);
      if (held.length > 0) problems.push(`${order.id} ${order.status} keeps a reservation`);
    }
  }
  // The card network's side: every approved charge is an order's, through its payment; only a
  // CONFIRMED order's stays unrefunded. Nothing left PENDING that was never refunded.
  const orders = new Map(Order.map((o) => [o.id, o]));
  for (const charge of charges.filter((c) => c.approved)) {
    const orderId = /^charge-(.+)$/.exec(charge.idempotencyKey)?.[1] ?? "";
    const payment = Payment.find((p) => p.orderId === orderId);
    const status = orders.get(orderId)?.status;
    if (!status || !payment)
      problems.push(`card charged under ${charge.idempotencyKey}: no order or payment for it`);
    else if (
      status === "CONFIRMED" &&
      (payment.status !== "SUCCEEDED" || payment.refundedAt !== null)
    )
      problems.push(`${orderId} CONFIRMED, its charge not live`);
    else if (status !== "CONFIRMED" && payment.refundedAt === null)
      problems.push(`${orderId} ${status}, its card charged and not refunded`);
  }
  for (const p of Payment)
    if (p.status === "PENDING" && p.refundedAt === null)
      problems.push(`${p.orderId}: payment still PENDING`);
  // Stock: what is held is exactly what the confirmed orders took, and none came or went.
  for (const { sku, available, reserved } of Stock) {
    const heldQty = Reservation.filter((r) => r.sku === sku && !r.released).reduce(
      (n, r) => n + r.qty,
      0,
    );
    if (reserved !== heldQty)
      problems.push(`${sku}: reserved ${reserved}, reservations hold ${heldQty}`);
    const stocked = SEED_STOCK[sku]! + (sku === "NTB-001" ? RESTOCKED : 0);
    if (available + reserved !== stocked)
      problems.push(`${sku}: ${available} + ${reserved} is not ${stocked}`);
  }
  return problems;
}

/** The card network's own record, which the snapshot leaves out. */
function rowsOf(shop: TestShop, service: string, table: string): any[] {
  const db = new Database(join(shop.service(service).dataDir, `${service}.db`), { readonly: true });
  try {
    return db.prepare(`SELECT * FROM "${table}"`).all();
  } finally {
    db.close();
  }
}
