// Orders gives up on a slow request to ship and cancels the shipment; the request to ship arrives
// after the cancel. Shipping alone, as a process: the late request must not ship the order.
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDataDir, startProcess, type RunningProcess } from "@shop/kit/testing";

const stepDir = join(import.meta.dirname, "../../..");
const dataDir = freshDataDir("shipping-");
let shipping: RunningProcess;

beforeAll(async () => {
  const entry = join(stepDir, "services/shipping/src/main.ts");
  shipping = await startProcess({
    name: "shipping",
    cwd: stepDir,
    entry,
    env: { DATA_DIR: dataDir, CATALOG_URL: "http://127.0.0.1:9" },
  });
});
afterAll(() => shipping.stop());

const call = (method: string, path: string) => fetch(`${shipping.url}${path}`, { method });
const shipmentOf = (orderId: string) => {
  const db = new Database(join(dataDir, "shipping.db"), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT orderId, cancelledAt IS NOT NULL AS cancelled FROM Shipment WHERE orderId = ?`,
      )
      .get(orderId);
  } finally {
    db.close();
  }
};

describe("A shipment cancelled before it was scheduled", () => {
  it("When the cancel arrives before the request to ship, then the order is never shipped", async () => {
    const orderId = randomUUID();

    expect((await call("POST", `/shipments/${orderId}/cancel`)).status).toBe(204);
    expect((await call("PUT", `/shipments/${orderId}`)).status).toBe(204); // late: orders gave up on it

    expect(shipmentOf(orderId)).toEqual({ orderId, cancelled: 1 });
  });

  it("When a scheduled shipment is cancelled, then it stays cancelled when the request to ship comes again", async () => {
    const orderId = randomUUID();

    await call("PUT", `/shipments/${orderId}`);
    await call("POST", `/shipments/${orderId}/cancel`);
    await call("PUT", `/shipments/${orderId}`);

    expect(shipmentOf(orderId)).toEqual({ orderId, cancelled: 1 });
  });
});
