// Old events in today's read models: the first release's order, stored at schema version 1,
// folded into an order and projected into the list, by way of the upcaster.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "../prisma/client.ts";
import { orderAt } from "../src/order-history.ts";
import { orderList } from "../src/projections/order-list.ts";
import { catchUp } from "../src/projections/projection.ts";
import { storeFirstRelease } from "./fixtures/first-release.ts";
import { eventStoreDatabase } from "./support.ts";

let db: PrismaClient;
beforeEach(() => (db = eventStoreDatabase()));
afterEach(() => db.$disconnect());

describe("An order of the first release", () => {
  it("When the old order is folded and projected, then its state and read model are built from the upcast event", async () => {
    await storeFirstRelease(db);

    const { order } = await orderAt(db, "5a7e0d6e-1111-4abc-8def-000000000001");
    await catchUp(db, orderList);

    expect(order).toMatchObject({ status: "CONFIRMED", totalCents: 2897 });
    expect(await db.orderView.findUnique({ where: { id: order.id } })).toMatchObject({
      status: "CONFIRMED",
      totalCents: 2897,
    });
  });
});
