// Exercise 02.3: chargeAndShip with real payments, inventory and shipping services, called once
// each (no retries, no breaker), so only the compensation is under test.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  catalogService,
  inventoryService,
  ordersDatabase,
  paymentsService,
  shippingService,
  silent,
} from "../../../test/support/in-process.ts";
import { DependencyUnavailable, RemoteRefusal } from "../src/clients/errors.ts";
import { directCaller } from "../src/clients/resilience.ts";
import { createDependencies, type Dependencies } from "../src/dependencies.ts";
import type { Order } from "../src/domain/order.ts";
import { chargeAndShip } from "../src/place-order.ts";

let services: Awaited<ReturnType<typeof start>>;
let deps: Dependencies;
let n = 0;

async function start() {
  const catalog = await catalogService();
  const inventory = await inventoryService();
  const payments = await paymentsService();
  const shipping = await shippingService(catalog.url);
  return { catalog, inventory, payments, shipping };
}

beforeAll(async () => {
  services = await start();
  const urls = { catalog: services.catalog.url, inventory: services.inventory.url, payments: [services.payments.url], shipping: services.shipping.url };
  deps = createDependencies(urls, ordersDatabase(), silent, (name) => directCaller(name, 1_000))({ correlationId: "test", calls: 0 });
});
beforeEach(async () => {
  for (const s of Object.values(services)) await s.chaos.heal();
});
afterAll(async () => {
  for (const s of Object.values(services)) await s.close();
});

/** An order whose two mugs are already reserved, as placeOrder leaves it before chargeAndShip. */
async function reservedOrder(): Promise<Order> {
  n += 1;
  const order: Order = {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    status: "CONFIRMED",
    lines: [{ sku: "MUG-001", qty: 2, unitPriceCents: 1299 }],
    totalCents: 2598,
    createdAt: new Date(),
  };
  await deps.inventory.reserve(order.id, order.lines);
  return order;
}

const mugs = () => services.inventory.db.stock.findUnique({ where: { sku: "MUG-001" } });
const paymentOf = (orderId: string) => services.payments.db.payment.findUnique({ where: { orderId } });
const shipmentOf = (orderId: string) => services.shipping.db.shipment.findUnique({ where: { orderId } });

describe("Exercise 02.3: chargeAndShip compensates", () => {
  it("When charge and shipment succeed, then the order is paid, shipped and its stock stays reserved", async () => {
    const order = await reservedOrder();
    const before = await mugs();

    await chargeAndShip(deps, order, "4242424242424242", silent);

    expect(await paymentOf(order.id)).toMatchObject({ amountCents: 2598, refundedAt: null });
    expect(await shipmentOf(order.id)).toMatchObject({ cancelledAt: null });
    expect(await mugs()).toEqual(before);
  });

  it("When the card is declined, then the refusal is passed on and the reserved stock is released", async () => {
    const order = await reservedOrder();
    const before = await mugs();

    await expect(chargeAndShip(deps, order, "4000000000000002", silent)).rejects.toMatchObject({ code: "PAYMENT_DECLINED" });

    expect(await mugs()).toEqual({ ...before, available: before!.available + 2, reserved: before!.reserved - 2 });
    expect(await paymentOf(order.id)).toBeNull();
  });

  it("When payments does not answer, then the error says so and the reserved stock is released", async () => {
    const order = await reservedOrder();
    const before = await mugs();
    await services.payments.chaos.failShare(1);

    await expect(chargeAndShip(deps, order, "4242424242424242", silent)).rejects.toBeInstanceOf(DependencyUnavailable);

    expect(await mugs()).toEqual({ ...before, available: before!.available + 2, reserved: before!.reserved - 2 });
  });

  it("When shipping fails after the charge, then the payment is refunded and the stock released", async () => {
    const order = await reservedOrder();
    const before = await mugs();
    await services.shipping.chaos.failShare(1);

    await expect(chargeAndShip(deps, order, "4242424242424242", silent)).rejects.toBeInstanceOf(DependencyUnavailable);

    expect((await paymentOf(order.id))?.refundedAt).toBeInstanceOf(Date);
    expect(await mugs()).toEqual({ ...before, available: before!.available + 2, reserved: before!.reserved - 2 });
  });

  it("When the compensation itself fails, then the caller still gets the first error, not the compensation's", async () => {
    const order = await reservedOrder();
    await services.payments.chaos.failShare(1);
    await services.inventory.chaos.failShare(1);

    const failure = chargeAndShip(deps, order, "4242424242424242", silent);

    await expect(failure).rejects.toBeInstanceOf(DependencyUnavailable);
    await expect(failure).rejects.toMatchObject({ dependency: "payments" });
    await expect(failure).rejects.not.toBeInstanceOf(RemoteRefusal);
  });
});
