// Exercise 04.2: the order list projection, fed from a real event store, then dropped and rebuilt.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "../prisma/client.ts";
import type { OrderEvent } from "../src/domain/order.ts";
import { append } from "../src/event-store/event-store.ts";
import { applyToOrderList, orderList } from "../src/projections/order-list.ts";
import { catchUp, rebuild } from "../src/projections/projection.ts";
import { eventStoreDatabase, metadata } from "./support.ts";

let db: PrismaClient;
beforeEach(() => (db = eventStoreDatabase()));
afterEach(() => db.$disconnect());

const mugs = [{ sku: "MUG-001", qty: 2, unitPriceCents: 1299 }];
const placed = (orderId: string): OrderEvent => ({
  type: "OrderPlaced",
  data: {
    orderId,
    lines: mugs,
    totalCents: 2598,
    cardLast4: "4242",
    placedAt: "2026-01-01T10:00:00.000Z",
  },
});
const confirmedEvent = (orderId: string): OrderEvent => ({
  type: "OrderConfirmed",
  data: { orderId, lines: mugs },
});
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const rows = async () =>
  (await db.orderView.findMany({ orderBy: { id: "asc" } })).map(
    ({ id, status, totalCents, rejectionReason, version }) => ({
      id,
      status,
      totalCents,
      rejectionReason,
      version,
    }),
  );

describe("Exercise 04.2: the order list projection", () => {
  it("When an order is placed, then the list has it PENDING, with its lines, total and version", async () => {
    await append(db, `order-${id(1)}`, 0, [placed(id(1))], metadata);

    await catchUp(db, orderList);

    expect(await rows()).toEqual([
      { id: id(1), status: "PENDING", totalCents: 2598, rejectionReason: null, version: 1 },
    ]);
    const row = (await db.orderView.findUnique({ where: { id: id(1) } }))!;
    expect(JSON.parse(row.lines)).toEqual(mugs);
    expect(
      row.createdAt,
      "take facts from the event (placedAt), never from the clock: a rebuild gives the same rows",
    ).toEqual(new Date("2026-01-01T10:00:00.000Z"));
  });

  it("When orders are confirmed, rejected with a reason, or cancelled, then each row follows its own stream", async () => {
    await append(
      db,
      `order-${id(1)}`,
      0,
      [placed(id(1)), { type: "OrderConfirmed", data: { orderId: id(1), lines: mugs } }],
      metadata,
    );
    await append(
      db,
      `order-${id(2)}`,
      0,
      [placed(id(2)), { type: "OrderRejected", data: { orderId: id(2), reason: "OUT_OF_STOCK" } }],
      metadata,
    );
    await append(
      db,
      `order-${id(3)}`,
      0,
      [placed(id(3)), { type: "OrderConfirmed", data: { orderId: id(3), lines: mugs } }],
      metadata,
    );
    await append(
      db,
      `order-${id(3)}`,
      2,
      [{ type: "OrderCancelled", data: { orderId: id(3), lines: mugs } }],
      metadata,
    );

    await catchUp(db, orderList);

    expect(
      await rows(),
      "each row follows its own stream: status, reason and version of its latest event",
    ).toEqual([
      { id: id(1), status: "CONFIRMED", totalCents: 2598, rejectionReason: null, version: 2 },
      {
        id: id(2),
        status: "REJECTED",
        totalCents: 2598,
        rejectionReason: "OUT_OF_STOCK",
        version: 2,
      },
      { id: id(3), status: "CANCELLED", totalCents: 2598, rejectionReason: null, version: 3 },
    ]);
  });

  it("When the projection catches up twice, then events are applied once (the checkpoint moved on)", async () => {
    await append(db, `order-${id(1)}`, 0, [placed(id(1))], metadata);
    await catchUp(db, orderList);

    expect(await catchUp(db, orderList)).toBe(0);
    expect(await rows()).toHaveLength(1);
  });

  it("When the table is dropped and rebuilt from position 0, then it equals what was built live", async () => {
    await append(db, `order-${id(1)}`, 0, [placed(id(1))], metadata);
    await catchUp(db, orderList);
    await append(
      db,
      `order-${id(1)}`,
      1,
      [{ type: "OrderRejected", data: { orderId: id(1), reason: "PAYMENT_DECLINED" } }],
      metadata,
    );
    await append(db, `order-${id(2)}`, 0, [placed(id(2))], metadata);
    await catchUp(db, orderList);
    const live = await rows();

    expect(await rebuild(db, orderList)).toBe(3);

    expect(await rows()).toEqual(live);
  });

  it("When an event is applied, then the row it was given stays as it was: apply is pure", async () => {
    const [stored] = await append(db, `order-${id(1)}`, 0, [placed(id(1))], metadata);
    const pending = applyToOrderList(undefined, stored!)!;
    const before = structuredClone(pending);
    const [confirmed] = await append(db, `order-${id(1)}`, 1, [confirmedEvent(id(1))], metadata);

    const after = applyToOrderList(pending, confirmed!);

    expect(after).toMatchObject({ status: "CONFIRMED", version: 2 });
    expect(pending, "apply is pure: return a new row, never change the one it was given").toEqual(
      before,
    );
  });

  it("When an event of a type it does not know comes, then applying it is an error that names it", async () => {
    const [placedEvent] = await append(db, `order-${id(1)}`, 0, [placed(id(1))], metadata);
    const odd = { ...placedEvent!, type: "Nope" } as unknown as typeof placedEvent;

    expect(() => applyToOrderList(undefined, odd!)).toThrow("Unknown event");
  });

  it("When an event comes for an order never placed, then there is no row", async () => {
    const [confirmed] = await append(db, `order-${id(1)}`, 0, [confirmedEvent(id(1))], metadata);

    expect(
      applyToOrderList(undefined, confirmed!),
      "an event of an order never placed: no row, there is nothing to show",
    ).toBeUndefined();
  });
});
