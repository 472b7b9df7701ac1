// The request appends and answers; the read models (the list, sales) follow in their own loop.
// The shopper reads their own write on the order page (folded from its stream); the list lags by
// a moment, and catches up, also after a burst.
import { describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import {
  GOOD_CARD,
  pauseProjections,
  readModelsCaughtUp,
  settled,
  useShop,
} from "../../../test/support/shop.ts";

const shop = useShop();
const place = () =>
  shop.api.post("/api/orders", { lines: [{ sku: "NTB-001", qty: 1 }], card: GOOD_CARD });
const listed = async () =>
  new Map<string, string>(
    (await shop.api.get("/api/orders")).body.map((o: any) => [o.id, o.status]),
  );

describe("Async projections (the default)", () => {
  it("When the read models are held back, then the order page still shows the order just placed, and its outcome, while the list does not have it yet", async () => {
    await pauseProjections(shop, true);

    const { status, body } = await place();
    const page = await shop.api.get(`/api/orders/${body.id}`);

    expect(status).toBe(202);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ id: body.id, totalCents: body.totalCents });
    await shop.statusOf(body.id, "CONFIRMED");
    expect((await listed()).has(body.id), "the list lags behind").toBe(false);

    await pauseProjections(shop, false);
    await eventually(async () => expect((await listed()).get(body.id)).toBe("CONFIRMED"));
  });

  it("When 60 orders come at once, then the list comes to show each one with the status its page shows", async () => {
    await shop.api.post("/api/admin/products/NTB-001/restock", { qty: 60 });

    const replies = await Promise.all(Array.from({ length: 60 }, place));
    const answered = performance.now();
    const ids = replies.map((r) => r.body.id as string);
    const firstListed = await eventually(async () => {
      const list = await listed();
      expect(
        ids.filter((id) => !list.has(id)),
        "not listed yet",
      ).toEqual([]);
      return performance.now() - answered;
    });

    expect(replies.map((r) => r.status)).toEqual(Array(60).fill(202));
    expect(await settled(shop, ids)).toEqual({ CONFIRMED: 60 });
    await readModelsCaughtUp(shop);
    const list = await listed();
    for (const id of ids)
      expect(list.get(id), id).toBe((await shop.api.get(`/api/orders/${id}`)).body.status);
    console.log(`all 60 listed ${Math.round(firstListed)} ms after the last answer`);
  });
});
