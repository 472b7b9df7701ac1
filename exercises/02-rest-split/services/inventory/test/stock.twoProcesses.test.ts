// Two inventory processes on one database file, as a second instance would run. One process
// serialises its own transactions, so only two processes can show whether a reservation is safe.
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDataDir, startProcess, type RunningProcess } from "@shop/kit/testing";

const stepDir = join(import.meta.dirname, "../../..");
const dataDir = freshDataDir("inventory-x2-");
let instances: RunningProcess[] = [];

beforeAll(async () => {
  const spec = (name: string) => ({
    name,
    cwd: stepDir,
    entry: join(stepDir, "services/inventory/src/main.ts"),
    env: { DATA_DIR: dataDir },
  });
  instances = [await startProcess(spec("inventory-a")), await startProcess(spec("inventory-b"))]; // a seeds the file
});
afterAll(() => Promise.all(instances.map((i) => i.stop())));

const post = (url: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
const reserve = (i: number, orderId: string, items: { sku: string; qty: number }[]) =>
  post(
    `${instances[i % 2]!.url}/reservations`,
    { orderId, items },
    { "Idempotency-Key": `reserve-${orderId}` },
  );
const release = (i: number, orderId: string) =>
  post(`${instances[i % 2]!.url}/reservations/${orderId}/release`);

function rows(sql: string, ...params: unknown[]): any[] {
  const db = new Database(join(dataDir, "inventory.db"), { readonly: true });
  try {
    return db.prepare(sql).all(...params);
  } finally {
    db.close();
  }
}
const stockOf = (sku: string) =>
  rows(`SELECT available, reserved FROM Stock WHERE sku = ?`, sku)[0];

describe("Inventory, two processes on one database", () => {
  it("When 20 orders of a mug and a pen reach both processes at once for the last 5 pens, then 5 are reserved, 15 refused, and no refused order holds a mug", async () => {
    // Arrange: the seed has 5 pens and 25 mugs
    expect([stockOf("PEN-001"), stockOf("MUG-001")]).toEqual([
      { available: 5, reserved: 0 },
      { available: 25, reserved: 0 },
    ]);
    const orderIds = Array.from({ length: 20 }, () => randomUUID());

    // Act: the mug line comes first, so a refused order must undo the mug it already took
    const responses = await Promise.all(
      orderIds.map((id, i) =>
        reserve(i, id, [
          { sku: "MUG-001", qty: 1 },
          { sku: "PEN-001", qty: 1 },
        ]),
      ),
    );

    // Assert
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(5).fill(201), ...Array(15).fill(409)]);
    expect(stockOf("PEN-001")).toEqual({ available: 0, reserved: 5 });
    expect(stockOf("MUG-001")).toEqual({ available: 20, reserved: 5 });
    expect(rows(`SELECT sku, count(*) AS n FROM Reservation GROUP BY sku ORDER BY sku`)).toEqual([
      { sku: "MUG-001", n: 5 },
      { sku: "PEN-001", n: 5 },
    ]);
  });

  it("When one order is released ten times at both processes at once, then its stock comes back once", async () => {
    // Arrange
    const orderId = randomUUID();
    expect((await reserve(0, orderId, [{ sku: "NTB-001", qty: 3 }])).status).toBe(201);
    expect(stockOf("NTB-001")).toEqual({ available: 47, reserved: 3 });

    // Act
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => release(i, orderId)));

    // Assert
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(204));
    expect(stockOf("NTB-001")).toEqual({ available: 50, reserved: 0 });
  });

  it("When an order's release arrives before its reservation (the reserve was slow), then the late reservation is refused and nothing is held", async () => {
    // Arrange: orders gave up on a slow reserve and released the order
    const orderId = randomUUID();
    expect((await release(0, orderId)).status).toBe(204);

    // Act: the reserve arrives after all, at the other process
    const late = await reserve(1, orderId, [{ sku: "SOC-001", qty: 2 }]);

    // Assert
    expect(late.status).toBe(409);
    expect((await late.json()).error.code).toBe("ORDER_RELEASED");
    expect(stockOf("SOC-001")).toEqual({ available: 20, reserved: 0 });
    expect(rows(`SELECT * FROM Reservation WHERE orderId = ?`, orderId)).toEqual([]);
  });

  it("When a reservation is retried after its release, then the retry is refused too: it holds nothing", async () => {
    const orderId = randomUUID();
    expect((await reserve(0, orderId, [{ sku: "CAP-001", qty: 1 }])).status).toBe(201);
    expect((await release(1, orderId)).status).toBe(204);

    const retried = await reserve(1, orderId, [{ sku: "CAP-001", qty: 1 }]);

    expect(retried.status).toBe(409);
    expect((await retried.json()).error.code).toBe("ORDER_RELEASED");
    expect(stockOf("CAP-001")).toEqual({ available: 12, reserved: 0 });
  });
});
