// Exercise 02.2: what to undo when a saga stops (undosFor), seen through the saga that uses it,
// against real inventory, payments and shipping services called once each (no retries, no
// breaker), failing on demand, with a real orders database for the saga's record.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  catalogService,
  inventoryService,
  ordersDatabase,
  paymentsService,
  shippingService,
  silent,
} from "../../../test/support/in-process.ts";
import type { Budget } from "../src/budget.ts";
import { DependencyUnavailable } from "@shop/kit";
import { directCaller } from "../src/clients/resilience.ts";
import { undoWhatIsOwed } from "../src/compensation.ts";
import { createDependencies } from "../src/dependencies.ts";
import type { Order } from "../src/domain/order.ts";
import { insertOrder } from "../src/db/orders.ts";
import { recordAsked, sagasPastDeadline } from "../src/db/saga.ts";
import { endOrphan, runSaga, type SagaRun } from "../src/saga.ts";

const CARD = "4242424242424242";
const DECLINED = "4000000000000002";

let services: Awaited<ReturnType<typeof start>>;
let n = 0;
const db = ordersDatabase();

async function start() {
  const catalog = await catalogService();
  const inventory = await inventoryService();
  const payments = await paymentsService();
  const shipping = await shippingService(catalog.url);
  return { catalog, inventory, payments, shipping };
}

beforeAll(async () => {
  services = await start();
});
beforeEach(async () => {
  for (const s of Object.values(services)) await s.chaos.heal();
});
afterAll(async () => {
  for (const s of Object.values(services)) await s.close();
  await db.$disconnect();
});

/** A saga ready to run: a PENDING order of two mugs in orders' database, and clients for it. */
async function pendingOrder(qty = 2): Promise<{ order: Order; run: SagaRun }> {
  n += 1;
  const order: Order = {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    status: "PENDING",
    lines: [{ sku: "MUG-001", qty, unitPriceCents: 1299 }],
    totalCents: qty * 1299,
    createdAt: new Date(),
  };
  const urls = {
    catalog: services.catalog.url,
    inventory: services.inventory.url,
    payments: [services.payments.url],
    shipping: services.shipping.url,
  };
  const dependencies = createDependencies(urls, db, silent, (name) => directCaller(name, 1_000));
  // 10 s to answer, the forward calls' time never up: the budget itself is exercise 02.3
  const budget: Budget = {
    answerBy: new Date(Date.now() + 10_000),
    forward: new AbortController().signal,
  };
  await insertOrder(db, order, budget.answerBy);
  return {
    order,
    run: { db, deps: dependencies({ correlationId: "test", calls: 0 }), budget, log: silent },
  };
}

const mugs = async () =>
  (await services.inventory.db.stock.findUnique({ where: { sku: "MUG-001" } }))!;
const paymentOf = (orderId: string) =>
  services.payments.db.payment.findUnique({ where: { orderId } });
const shipmentOf = (orderId: string) =>
  services.shipping.db.shipment.findUnique({ where: { orderId } });
const owed = async (orderId: string) =>
  (await db.compensation.findMany({ where: { orderId }, orderBy: { position: "asc" } })).map(
    (c) => c.action,
  );
const statusOf = async (orderId: string) =>
  (await db.order.findUnique({ where: { id: orderId } }))?.status;

describe("Exercise 02.2: undosFor, through the saga", () => {
  it("When every step answers yes, then the order is CONFIRMED, paid, shipped, its stock reserved, and nothing is owed back", async () => {
    const { order, run } = await pendingOrder();
    const before = await mugs();

    const answer = await runSaga(run, order, "reserve", CARD);

    expect(answer).toMatchObject({ statusCode: 201, body: { id: order.id, status: "CONFIRMED" } });
    expect(await paymentOf(order.id)).toMatchObject({ amountCents: 2598, refundedAt: null });
    expect(await shipmentOf(order.id)).toMatchObject({ cancelledAt: null });
    expect(await mugs()).toEqual({
      ...before,
      available: before.available - 2,
      reserved: before.reserved + 2,
    });
    expect(await owed(order.id)).toEqual([]);
  });

  it("When inventory refuses (out of stock), then 409 and nothing is owed back: nothing happened", async () => {
    const { order, run } = await pendingOrder(99);
    const before = await mugs();

    const answer = await runSaga(run, order, "reserve", CARD);

    expect(answer).toMatchObject({ statusCode: 409, body: { error: { code: "OUT_OF_STOCK" } } });
    expect(
      await owed(order.id),
      "a no is a no: inventory reserved nothing, nothing is owed",
    ).toEqual([]);
    expect(await mugs()).toEqual(before);
    expect(await statusOf(order.id)).toBe("REJECTED");
  });

  it("When the card is declined, then 402, the stock is released, and no refund is owed: a no is a no", async () => {
    const { order, run } = await pendingOrder();
    const before = await mugs();

    const answer = await runSaga(run, order, "reserve", DECLINED);

    expect(answer).toMatchObject({
      statusCode: 402,
      body: { error: { code: "PAYMENT_DECLINED" } },
    });
    expect(await owed(order.id), "a no is a no: no refund for a declined card; release").toEqual([
      "release",
    ]);
    expect(await mugs()).toEqual(before);
    expect(await paymentOf(order.id)).toBeNull();
  });

  it("When payments charges the card but its answer is lost, then the charge is refunded and the stock released", async () => {
    const { order, run } = await pendingOrder();
    const before = await mugs();
    await services.payments.chaos.dropResponses(1);

    await expect(runSaga(run, order, "reserve", CARD)).rejects.toMatchObject({
      dependency: "payments",
    });

    expect(
      await owed(order.id),
      "a lost answer is not a no: the card may be charged; refund it, then release",
    ).toEqual(["refund", "release"]);
    expect((await paymentOf(order.id))?.refundedAt).toBeInstanceOf(Date); // its answer lost too, but done
    expect(await mugs()).toEqual(before);
  });

  it("When inventory reserves but its answer is lost, then the reservation is released", async () => {
    const { order, run } = await pendingOrder();
    const before = await mugs();
    await services.inventory.chaos.dropResponses(1);

    await expect(runSaga(run, order, "reserve", CARD)).rejects.toBeInstanceOf(
      DependencyUnavailable,
    );

    expect(
      await owed(order.id),
      "a lost answer is not a no: the stock may be reserved; release it",
    ).toEqual(["release"]);
    expect(await mugs()).toEqual(before);
  });

  it("When shipping's answers are lost, then nothing is given back while the shipment may still go out; once shipping answers, all of it", async () => {
    const { order, run } = await pendingOrder();
    const before = await mugs();
    await services.shipping.chaos.dropResponses(1);

    await expect(runSaga(run, order, "reserve", CARD)).rejects.toMatchObject({
      dependency: "shipping",
    });

    // the cancel's answer was lost too: orders cannot know the shipment is cancelled
    expect(
      await owed(order.id),
      "the last step first: cancel the shipment, then refund, then release",
    ).toEqual(["cancelShipment", "refund", "release"]);
    expect(await mugs()).toEqual({
      ...before,
      available: before.available - 2,
      reserved: before.reserved + 2,
    });
    expect((await paymentOf(order.id))?.refundedAt).toBeNull();

    await services.shipping.chaos.heal();
    expect(await undoWhatIsOwed(db, run.deps.undo, order.id, silent)).toBe(true); // what the compensation loop does

    expect((await shipmentOf(order.id))?.cancelledAt).toBeInstanceOf(Date);
    expect((await paymentOf(order.id))?.refundedAt).toBeInstanceOf(Date);
    expect(await mugs()).toEqual(before);
  });

  it("When the undos fail too, then the caller still gets the first error, and the undos stay owed", async () => {
    const { order, run } = await pendingOrder();
    await run.deps.inventory.reserve(order.id, order.lines); // as a saga resumed after its reserve
    await recordAsked(db, order.id, run.budget.answerBy, "charge");
    await services.payments.chaos.failShare(1);
    await services.inventory.chaos.failShare(1);

    const failure = runSaga(run, order, "charge", CARD);

    await expect(failure).rejects.toBeInstanceOf(DependencyUnavailable);
    await expect(failure).rejects.toMatchObject({ dependency: "payments" });
    expect(await db.compensation.count({ where: { orderId: order.id, doneAt: null } })).toBe(2);
  });

  it("When orders died after asking for the charge, then the orphaned saga is REJECTED owing the refund and the release", async () => {
    const { order, run } = await pendingOrder();
    await recordAsked(db, order.id, run.budget.answerBy, "charge");
    const past = new Date(run.budget.answerBy.getTime() + 1);

    for (const saga of await sagasPastDeadline(db, past)) await endOrphan(db, saga, silent);

    expect(await statusOf(order.id)).toBe("REJECTED");
    expect(
      await owed(order.id),
      "no answer from the charge before orders died: it may be done; refund it, then release",
    ).toEqual(["refund", "release"]);
  });
});
