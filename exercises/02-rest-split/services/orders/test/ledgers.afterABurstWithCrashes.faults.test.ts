// Everything at once: 200 orders, some with a declined card and some for more pens than there
// are, while inventory and one payments instance are killed (SIGKILL) and restarted. Orders
// answer 503 while a dependency is down: that is this step's lesson. What must hold anyway:
// once the compensations have run, the books of every service agree, order by order.
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { DECLINED_CARD, GOOD_CARD, useShop, type TestShop } from "../../../test/support/shop.ts";
import { SEED_STOCK } from "../../../services/inventory/src/db/seed.ts";

const shop = useShop({ reset: false });
const ORDERS = 200;
const RESTOCKED = 1_000; // notebooks for every order; the 5 pens run out

describe("The ledgers after a burst with crashes", () => {
  it(`When ${ORDERS} orders meet two crashes, then every order ends final and every ledger agrees with it`, async () => {
    await shop.api.post("/api/admin/products/NTB-001/restock", { qty: RESTOCKED });
    const answers = await burst(shop, ORDERS, {
      40: () => shop.service("inventory").kill(),
      70: () => shop.service("inventory").start(),
      90: () => shop.service("payments").kill(),
      130: () => shop.service("payments").start(),
    });

    // Every answer is one the README names: confirmed, refused, or 503 while a dependency is down.
    expect(answers.filter((status) => ![201, 402, 409, 503].includes(status))).toEqual([]);
    expect(answers).toContain(503); // the crashes were felt
    await eventually(() => expect(ledgerProblems(shop)).toEqual([]), {
      timeout: 60_000,
      interval: 500,
    });
    const confirmed = shop.snapshot().Order.filter((o) => o.status === "CONFIRMED").length;
    expect(confirmed).toBe(answers.filter((status) => status === 201).length);
  }, 240_000);
});

/** Places `n` orders, ten at a time, doing `faults[i]` while the i-th ten are in flight; returns the statuses. */
async function burst(
  shop: TestShop,
  n: number,
  faults: Record<number, () => Promise<void>>,
): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i += 10) {
    const inFlight = Promise.all(
      Array.from({ length: 10 }, (_, j) => shop.api.post("/api/orders", orderNo(i + j))),
    );
    const [batch] = await Promise.all([inFlight, faults[i]?.()]);
    statuses.push(...batch.map((reply) => reply.status));
  }
  return statuses;
}

/** Every 7th card is declined; every 5th order also wants a pen (5 in stock). */
function orderNo(i: number) {
  const lines = [{ sku: "NTB-001", qty: 1 }];
  if (i % 5 === 0) lines.push({ sku: "PEN-001", qty: 1 });
  return { lines, card: i % 7 === 0 ? DECLINED_CARD : GOOD_CARD };
}

const FINAL = new Set(["CONFIRMED", "REJECTED", "CANCELLED"]);

/** What the services' databases disagree on; empty when the books are right. */
function ledgerProblems(shop: TestShop): string[] {
  const { Order, OrderLine, Compensation, Payment, Reservation, Stock, Shipment } = shop.snapshot();
  const charges = rowsOf(shop, "payments", "CardNetworkCharge");
  const problems: string[] = [];
  for (const c of Compensation)
    if (c.doneAt === null) problems.push(`${c.orderId}: ${c.action} not done yet`);
  for (const order of Order) {
    if (!FINAL.has(order.status)) problems.push(`${order.id} is still ${order.status}`);
    const live = Payment.filter(
      (p) => p.orderId === order.id && p.status === "SUCCEEDED" && p.refundedAt === null,
    );
    const held = Reservation.filter((r) => r.orderId === order.id && !r.released);
    const shipped = Shipment.filter((s) => s.orderId === order.id && s.cancelledAt === null);
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
      if (shipped.length !== 1)
        problems.push(`${order.id} CONFIRMED with ${shipped.length} shipments`);
    } else {
      if (live.length > 0) problems.push(`${order.id} ${order.status} keeps a live payment`);
      if (held.length > 0) problems.push(`${order.id} ${order.status} keeps a reservation`);
      if (shipped.length > 0) problems.push(`${order.id} ${order.status} keeps a shipment`);
    }
  }
  // Nothing charged, held or shipped for an order that orders does not know.
  const known = new Set(Order.map((o) => o.id));
  for (const p of Payment)
    if (!known.has(p.orderId) && p.status === "SUCCEEDED" && !p.refundedAt)
      problems.push(`payment for unknown ${p.orderId}`);
  for (const r of Reservation)
    if (!known.has(r.orderId) && !r.released) problems.push(`reservation for unknown ${r.orderId}`);
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
