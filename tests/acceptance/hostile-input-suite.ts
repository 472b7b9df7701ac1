// One step's shop, after its acceptance scenarios: the hostile requests of hostile-input.ts,
// in sequence, each answered 4xx in the error shape, and the words of field-messages.ts; then
// orders, stock and prices are what they were before. Last, the admin guard: another web page
// cannot reset the shop, change a price or switch on a fault, neither through the storefront
// nor at a service's own port (no header, its Origin, its Host).
import { randomUUID } from "node:crypto";
import { request } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import type { ShopUnderTest } from "../support/shop-under-test.ts";
import { FIELD_MESSAGES } from "./field-messages.ts";
import { CARD, hostileRequests, problemsWith, send, type HostileRequest } from "./hostile-input.ts";

const ADMIN = { "x-shop-admin": "1" };
const JSON_TYPE = { "content-type": "application/json" };

/** node:http, not fetch: fetch would not let a test send another page's Host. */
function sendAdmin(url: string, method: string, path: string, headers: Record<string, string>) {
  const { hostname, port } = new URL(url);
  return new Promise<{ status: number; code?: string }>((resolve, reject) => {
    const req = request({ host: hostname, port, method, path, headers }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode!, code: text ? JSON.parse(text).error?.code : undefined }),
      );
    });
    req.on("error", reject);
    req.end(method === "PUT" ? JSON.stringify({ priceCents: 1 }) : undefined);
  });
}

/** What hostile input must not change. Payments expose no list of charges in any step. */
async function stateOf(shop: ShopUnderTest) {
  const state: Record<string, unknown> = {
    orders: (await shop.get("/api/orders")).body,
    products: (await shop.get("/api/products")).body,
  };
  if (shop.stepName.startsWith("04"))
    state.sales = await (await fetch(`${shop.service("orders").url}/admin/sales`)).json();
  return state;
}

export function hostileInputSuite(shopOf: () => ShopUnderTest): void {
  describe("hostile input", () => {
    let shop: ShopUnderTest;
    let rows: HostileRequest[] = [];
    let before: Record<string, unknown>;

    beforeAll(async () => {
      shop = shopOf();
      await shop.reset();
      const seed = (await shop.get("/api/products")).body;
      // One order, placed with a key and cancelled: a key to reuse, an order not to cancel twice.
      const usedKey = `hostile-${randomUUID()}`;
      const placed = await shop.post(
        "/api/orders",
        { lines: [{ sku: "NTB-001", qty: 1 }], card: CARD },
        { "Idempotency-Key": usedKey },
      );
      expect((await shop.final(placed.body.id)).status).toBe("CONFIRMED");
      await shop.post(`/api/orders/${placed.body.id}/cancel`);
      expect((await shop.final(placed.body.id)).status).toBe("CANCELLED");
      await eventually(async () => expect((await shop.get("/api/products")).body).toEqual(seed));
      rows = hostileRequests({
        stepName: shop.stepName,
        cancelledOrderId: placed.body.id,
        usedKey,
      });
      before = await stateOf(shop);
    });

    it("at least 60 hostile requests answer 4xx in the error shape, naming the bad field", async () => {
      expect(rows.length).toBeGreaterThanOrEqual(60);
      const web = shop.service("web").url;
      const failures: string[] = [];
      const started = performance.now();
      for (const row of rows) {
        const problems = problemsWith(row, await send(web, row));
        if (problems.length > 0)
          failures.push(
            `${row.method} ${row.path.slice(0, 60)} (${row.name}): ${problems.join("; ")}`,
          );
      }
      const ms = Math.round(performance.now() - started);
      console.log(
        `${shop.stepName}: ${rows.length} hostile requests in ${ms} ms, ${failures.length} answered wrongly`,
      );
      expect(
        failures,
        `${failures.length} of ${rows.length} hostile requests answered wrongly`,
      ).toEqual([]);
    });

    it("When an order is refused, then 400 names each bad field with what a right one looks like", async () => {
      for (const [name, body, fields] of FIELD_MESSAGES) {
        const { status, body: answer } = await shop.post("/api/orders", body);
        expect(status, name).toBe(400);
        expect(answer.error, name).toMatchObject({ code: "INVALID_INPUT", fields });
        expect(Object.keys(answer.error.fields), name).toEqual(Object.keys(fields));
      }
      const web = shop.service("web").url;
      const notJson = await fetch(`${web}/api/orders`, {
        method: "POST",
        headers: JSON_TYPE,
        body: "{ not json",
      });
      expect((await notJson.json()).error.fields).toEqual({ body: "must be JSON" });
      const longKey = await shop.post(
        "/api/orders",
        { lines: [{ sku: "MUG-001", qty: 1 }], card: CARD },
        { "Idempotency-Key": "k".repeat(201) },
      );
      expect(longKey.body.error.fields).toEqual({
        "Idempotency-Key": "must be 1 to 200 characters",
      });
      const malformedId = await shop.get("/api/orders/not-an-id");
      expect(malformedId.body.error.fields).toEqual({ id: "must be an order id (a UUID)" });
      const unknownId = await shop.get("/api/orders/00000000-0000-4000-8000-000000000000");
      expect(unknownId).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND" } } });
    });

    it("changes no order, stock or price", async () => {
      // 03/04: anything a request set off would travel by message, ahead of a probe order's own
      // messages on the same queues; once the probe is final and cancelled, it would have landed.
      const probe = await shop.post("/api/orders", {
        lines: [{ sku: "NTB-001", qty: 1 }],
        card: CARD,
      });
      await shop.final(probe.body.id);
      await shop.post(`/api/orders/${probe.body.id}/cancel`);
      expect((await shop.final(probe.body.id)).status).toBe("CANCELLED");
      const withoutProbe = async () => {
        const state = await stateOf(shop);
        state.orders = (state.orders as { id: string }[]).filter((o) => o.id !== probe.body.id);
        return state;
      };
      await eventually(async () => expect(await withoutProbe()).toEqual(before));
    });

    it("When another page posts to a service's own admin or chaos routes, then 403 and nothing changes", async () => {
      const placed = await shop.post("/api/orders", {
        lines: [{ sku: "MUG-001", qty: 1 }],
        card: CARD,
      });
      await shop.final(placed.body.id);
      const orders = (await shop.get("/api/orders")).body;

      for (const { name, url } of shop.services()) {
        const here = new URL(url).host;
        expect(await sendAdmin(url, "POST", "/admin/reset", { host: here }), name).toEqual({
          status: 403,
          code: "FORBIDDEN",
        });
        expect(await sendAdmin(url, "POST", "/chaos", { host: here, ...JSON_TYPE }), name).toEqual({
          status: 403,
          code: "FORBIDDEN",
        });
      }
      expect((await shop.get("/api/orders")).body).toEqual(orders);
    });

    it("When another page posts a reset or a price (no header, its Origin, its Host), then 403/421 and nothing changes; with the header, 204", async () => {
      const web = shop.service("web").url;
      const here = new URL(web).host;
      const products = (await shop.get("/api/products")).body;
      const orders = (await shop.get("/api/orders")).body;
      const refused = [
        await sendAdmin(web, "POST", "/api/admin/reset", { host: here }),
        await sendAdmin(web, "POST", "/api/admin/reset", {
          host: here,
          origin: "http://evil.example",
          ...ADMIN,
        }),
        await sendAdmin(web, "POST", "/api/admin/reset", {
          host: `evil.example:${new URL(web).port}`,
          ...ADMIN,
        }),
        await sendAdmin(web, "PUT", "/api/admin/products/MUG-001/price", {
          host: here,
          ...JSON_TYPE,
        }),
      ];

      expect(refused).toEqual([
        { status: 403, code: "FORBIDDEN" },
        { status: 403, code: "FORBIDDEN" },
        { status: 421, code: "MISDIRECTED_REQUEST" },
        { status: 403, code: "FORBIDDEN" },
      ]);
      expect((await shop.get("/api/orders")).body).toEqual(orders);
      expect((await shop.get("/api/products")).body).toEqual(products);
      const own = await sendAdmin(web, "POST", "/api/admin/reset", {
        host: here,
        origin: `http://${here}`,
        ...ADMIN,
      });
      expect(own).toEqual({ status: 204, code: undefined });
      expect((await shop.get("/api/orders")).body).toEqual([]);
    });
  });
}
