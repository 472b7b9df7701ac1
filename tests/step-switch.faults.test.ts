// The workshop's main move: step 03 with payments down and orders waiting, a look at step 04,
// back to step 03. Both steps run on one real broker under the same SHOP_NAMESPACE, as a
// learner's do; each must keep to its own queues, so step 03's orders end CONFIRMED, charged once,
// and step 04 never sees them.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Connection } from "rabbitmq-client";
import { afterAll, describe, expect, it } from "vitest";
import { brokerNamespace, DEFAULT_AMQP_URL, eventually } from "@shop/kit";
import { startStep, type RunningStep } from "@shop/kit/testing";
import { ROOT } from "./support/shop-under-test.ts";

const STEP_03 = join(ROOT, "steps/03-pubsub");
const STEP_04 = join(ROOT, "steps/04-event-sourcing");
const CARD = "4242424242424242";
const sharedEnv = { SHOP_NAMESPACE: `switch-${randomBytes(4).toString("hex")}.` };
const started: RunningStep[] = [];

async function start(stepDir: string): Promise<RunningStep> {
  const step = await startStep(stepDir, { sharedEnv });
  started.push(step);
  await eventually(
    async () => {
      const products = (await call(step, "GET", "/api/products")).body as { available: number }[];
      expect(
        products.length > 0 && products.every((p) => p.available > 0),
        "seed data visible",
      ).toBe(true);
    },
    { timeout: 15_000 },
  );
  return step;
}

async function call(step: RunningStep, method: string, path: string, body?: unknown) {
  const response = await fetch(step.services.web!.url + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const order = (step: RunningStep) =>
  call(step, "POST", "/api/orders", { lines: [{ sku: "MUG-001", qty: 1 }], card: CARD });
const statusOf = async (step: RunningStep, id: string) =>
  (await call(step, "GET", `/api/orders/${id}`)).body.status;

/** Rows of one service's database whose column holds one of these order ids. */
function rowsFor(step: RunningStep, service: string, table: string, column: string, ids: string[]) {
  const db = new Database(join(step.services[service]!.dataDir, `${service}.db`), {
    readonly: true,
  });
  try {
    return ids.flatMap((id) =>
      db.prepare(`SELECT * FROM "${table}" WHERE "${column}" = ?`).all(id),
    );
  } finally {
    db.close();
  }
}

async function depth(queue: string): Promise<number> {
  const connection = new Connection({
    url: process.env.AMQP_URL ?? DEFAULT_AMQP_URL,
    connectionName: "test-depth",
  });
  try {
    return (await connection.queueDeclare({ queue, passive: true })).messageCount;
  } finally {
    await connection.close();
  }
}

afterAll(async () => {
  for (const step of started) await step.stop();
  for (const dir of [STEP_03, STEP_04]) {
    const { deleteTopology } = await import(join(dir, "messaging/cleanup.ts"));
    await deleteTopology(brokerNamespace(dir, sharedEnv));
  }
});

describe("Moving between steps 03 and 04 on one broker", () => {
  it("When step 04 runs while step 03's orders wait for payments, then back in step 03 they end CONFIRMED, charged once, and step 04 never saw them", async () => {
    // Step 03, payments down: three orders wait (PENDING), their messages queued for payments
    const s03 = await start(STEP_03);
    await s03.services.payments!.stop();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { status, body } = await order(s03);
      expect(status).toBe(202);
      ids.push(body.id);
    }
    const paymentsQueue = `${brokerNamespace(STEP_03, sharedEnv)}payments.order-events`;
    // each order: order-placed, then inventory's stock-reserved
    await eventually(async () => expect(await depth(paymentsQueue)).toBe(6), { timeout: 15_000 });
    for (const id of ids) expect(await statusOf(s03, id)).toBe("PENDING");
    await s03.stop();

    // A look at step 04: an order of its own goes all the way, so its consumers have run
    const s04 = await start(STEP_04);
    const { body: own } = await order(s04);
    await eventually(async () => expect(await statusOf(s04, own.id)).toBe("CONFIRMED"), {
      timeout: 15_000,
    });
    await s04.stop();
    expect(await depth(paymentsQueue), "step 03's messages still wait in its own queue").toBe(6);

    // Back to step 03, every service again, payments included
    for (const service of Object.values(s03.services)) await service.start();
    for (const id of ids) {
      await eventually(async () => expect(await statusOf(s03, id)).toBe("CONFIRMED"), {
        timeout: 20_000,
      });
    }
    expect(
      rowsFor(s03, "payments", "Payment", "orderId", ids),
      "one charge per order",
    ).toHaveLength(3);
    expect(rowsFor(s04, "payments", "Payment", "orderId", ids), "step 04 charged none").toEqual([]);
    expect(
      rowsFor(s04, "inventory", "Reservation", "orderId", ids),
      "step 04 reserved none",
    ).toEqual([]);
    expect(
      rowsFor(
        s04,
        "orders",
        "Event",
        "streamId",
        ids.map((id) => `order-${id}`),
      ),
    ).toEqual([]);
  }, 120_000);
});
