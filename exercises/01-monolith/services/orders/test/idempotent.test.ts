// Exercise 01.2: calls idempotent() directly, on a real database, and counts how often the work runs.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../../prisma/client.ts";
import { seededDatabase } from "../../../test/support/database.ts";
import { PaymentDeclined } from "../../payments/src/domain/payment.ts";
import { IdempotencyKeyReused } from "../src/db/idempotency.ts";
import { idempotent } from "../src/http/idempotent.ts";

let db: PrismaClient;
beforeEach(async () => (db = await seededDatabase()));
afterEach(() => db.$disconnect());

const request = { lines: [{ sku: "MUG-001", qty: 1 }], card: "4242424242424242" };

/** Work that counts its runs and writes a row, so a rollback can be seen. */
function countingWork(outcome: () => void = () => {}) {
  const counter = { runs: 0 };
  const work = async (tx: Parameters<Parameters<typeof idempotent>[3]>[0]) => {
    counter.runs += 1;
    await tx.stock.update({ where: { sku: "MUG-001" }, data: { available: { decrement: 1 } } });
    outcome();
    return { statusCode: 201, body: { run: counter.runs } };
  };
  return { counter, work };
}

const mugs = async () => (await db.stock.findUnique({ where: { sku: "MUG-001" } }))!.available;

describe("Exercise 01.2: idempotent", () => {
  it("When the same key comes twice, then the work runs once and both get the first answer", async () => {
    const { counter, work } = countingWork();

    const first = await idempotent(db, "key-1", request, work);
    const second = await idempotent(db, "key-1", request, work);

    expect(first).toEqual({ statusCode: 201, body: { run: 1 } });
    expect(second).toEqual(first);
    expect(counter.runs).toBe(1);
    expect(await mugs()).toBe(24);
  });

  it("When the same key comes twice at once, then the work runs once and both get its answer", async () => {
    const { counter, work } = countingWork();

    const answers = await Promise.allSettled([
      idempotent(db, "key-at-once", request, work),
      idempotent(db, "key-at-once", request, work),
    ]);

    const once = "look the key up inside the work's transaction: two at once run the work once";
    expect(counter.runs, once).toBe(1);
    expect(answers, once).toEqual([
      { status: "fulfilled", value: { statusCode: 201, body: { run: 1 } } },
      { status: "fulfilled", value: { statusCode: 201, body: { run: 1 } } },
    ]);
    expect(await mugs()).toBe(24);
  });

  it("When two different keys come, then the work runs for each", async () => {
    const { counter, work } = countingWork();

    await idempotent(db, "key-a", request, work);
    await idempotent(db, "key-b", request, work);

    expect(counter.runs).toBe(2);
  });

  it("When the work is refused for good (a declined card), then the refusal is answered again without running the work", async () => {
    const { counter, work } = countingWork(() => {
      throw new PaymentDeclined("0002");
    });

    const refusedForGood = "a refusal for good is the answer: remember it, give it again";
    const first = await idempotent(db, "declined", request, work).catch((e) => e);
    const second = await idempotent(db, "declined", request, work).catch((e) => e);

    expect(first, refusedForGood).toEqual({
      statusCode: 402,
      body: {
        error: { code: "PAYMENT_DECLINED", message: "The card ending in 0002 was declined" },
      },
    });
    expect(second, refusedForGood).toEqual(first);
    expect(counter.runs, refusedForGood).toBe(1);
    expect(await mugs()).toBe(25); // the work's write was rolled back
  });

  it("When the same declined request comes twice at once, then both get the refusal", async () => {
    const { work } = countingWork(() => {
      throw new PaymentDeclined("0002");
    });

    const answers = await Promise.allSettled([
      idempotent(db, "declined-at-once", request, work),
      idempotent(db, "declined-at-once", request, work),
    ]);

    expect(
      answers.map((a) => (a.status === "fulfilled" ? a.value.statusCode : String(a.reason))),
      "the second of two refusals at once finds the first one's record: keep it, do not save again",
    ).toEqual([402, 402]);
  });

  it("When the work fails for a passing reason, then nothing is remembered and a retry runs the work again", async () => {
    let fail = true;
    const { counter, work } = countingWork(() => {
      if (fail)
        throw Object.assign(new Error("payments did not answer"), {
          code: "DEPENDENCY_UNAVAILABLE",
        });
    });

    const outcome = await idempotent(db, "flaky", request, work).then(
      (answer) => `it answered ${answer.statusCode}`,
      String,
    );
    expect(outcome, "a passing failure is no answer: remember nothing, let it throw").toBe(
      "Error: payments did not answer",
    );
    fail = false;
    const retried = await idempotent(db, "flaky", request, work);

    expect(retried.statusCode).toBe(201);
    expect(counter.runs).toBe(2);
    expect(await mugs()).toBe(24);
  });

  it("When the key comes back with a different request, then IdempotencyKeyReused and the work does not run", async () => {
    const { counter, work } = countingWork();
    await idempotent(db, "key-2", request, work);

    await expect(
      idempotent(db, "key-2", { ...request, card: "5555555555554444" }, work),
    ).rejects.toBeInstanceOf(IdempotencyKeyReused);
    expect(counter.runs).toBe(1);
  });
});
