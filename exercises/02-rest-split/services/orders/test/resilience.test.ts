// Exercise 02.1: a call policy, in front of a real inventory service: the timeout and the retries
// alone, then the whole policy with its breaker (the breaker alone: breaker.test.ts).
import axios from "axios";
import { TaskCancelledError } from "cockatiel";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inventoryService, type InProcessService } from "../../../test/support/in-process.ts";
import type { CallContext } from "../src/clients/http.ts";
import { inventoryClient } from "../src/clients/inventory.ts";
import {
  DEFAULT_SETTINGS,
  resilientCaller,
  retryWithTimeout,
  type Caller,
} from "../src/clients/resilience.ts";

let inventory: InProcessService<any>;
beforeEach(async () => (inventory = await inventoryService()));
afterEach(() => inventory.close());

// short waits between tries: the tests count attempts, not wait for them
const settings = {
  ...DEFAULT_SETTINGS,
  timeoutMs: 2_000, // an answer that comes is never cut off; test 2 waits on a short one
  retries: 2,
  backoffMs: 5,
  maxBackoffMs: 20,
};
const withRetries = (timeoutMs = settings.timeoutMs): Caller => {
  const policy = retryWithTimeout({ ...settings, timeoutMs });
  return { call: (attempt) => policy.execute(({ signal }) => attempt(signal)) };
};
const ctx = (): CallContext => ({ correlationId: "test", calls: 0 });
const orderId = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe("retryWithTimeout", () => {
  it("When every other answer is lost after the work is done, then each reservation succeeds on retry and is made once", async () => {
    await inventory.chaos.dropResponses(0.5);
    const client = inventoryClient(inventory.url, withRetries());
    const context = ctx();

    for (let n = 1; n <= 4; n++)
      await client.reserve(context, orderId(n), [{ sku: "NTB-001", qty: 1 }]).catch(() => {});

    // each first answer is lost, each retry gets the reservation made the first time
    expect(context.calls, "a lost answer may pass: retry it (the order id makes it safe)").toBe(8);
    expect(await inventory.db.reservation.count()).toBe(4);
    expect(await inventory.db.stock.findUnique({ where: { sku: "NTB-001" } })).toEqual({
      sku: "NTB-001",
      available: 46,
      reserved: 4,
    });
  });

  it("When the service stops answering, then each attempt is cut off by the timeout and the call gives up after its retries", async () => {
    await inventory.chaos.stopAnswering();
    const context = ctx();

    // nothing ever answers: a short timeout loses nothing here
    const client = inventoryClient(inventory.url, withRetries(50));
    const failure = await client.reserve(context, orderId(1), [{ sku: "NTB-001", qty: 1 }]).then(
      () => "reserved",
      (error: unknown) => error,
    );

    expect(context.calls, "a timeout on each attempt, inside the retries").toBe(
      1 + settings.retries,
    );
    // an aggressive timeout ends the attempt itself; a cooperative one leaves it to axios
    const cutOff = failure instanceof TaskCancelledError || axios.isCancel(failure);
    expect(cutOff, "the last attempt was cut off by its timeout").toBe(true);
  });

  it("When the service fails once with a 503, then the retry gets the answer", async () => {
    await inventory.chaos.failShare(0.5);
    const context = ctx();

    const outcome = await inventoryClient(inventory.url, withRetries())
      .reserve(context, orderId(1), [{ sku: "NTB-001", qty: 1 }])
      .then(() => "reserved", String);

    expect(context.calls, "a 503 may pass: retry it").toBe(2);
    expect(outcome).toBe("reserved");
    expect(await inventory.db.reservation.count()).toBe(1);
  });

  it("When the answer is a refusal (409 out of stock), then it is not retried: asking again gives the same answer", async () => {
    const context = ctx();

    await expect(
      inventoryClient(inventory.url, withRetries()).reserve(context, orderId(1), [
        { sku: "UMB-001", qty: 9 },
      ]),
    ).rejects.toMatchObject({
      response: { status: 409 },
    });

    expect(context.calls, "a 4xx is an answer: retry only what may pass (isTransient)").toBe(1);
  });
});

describe("resilientCaller, the whole policy", () => {
  it("When the dependency is down, then the breaker counts each failed attempt, and once open it ends the retries and the calls after", async () => {
    await inventory.chaos.failShare(1);
    const caller = resilientCaller("inventory", { ...settings, breakerThreshold: 2 });
    const client = inventoryClient(inventory.url, caller);
    const reserve = (n: number) =>
      client.reserve(ctx(), orderId(n), [{ sku: "NTB-001", qty: 1 }]).then(
        () => "reserved",
        (error: Error) => error.message,
      );

    const first = await reserve(1);
    const reachedByTheFirst = await inventory.chaos.requestCount();
    const second = await reserve(2);

    const inside =
      "the breaker sits inside the retries: it counts attempts, and once open it ends them";
    expect(reachedByTheFirst, inside).toBe(2); // threshold 2: the third attempt is not made
    expect([first, second], inside).toEqual([
      expect.stringContaining("circuit open"),
      expect.stringContaining("circuit open"),
    ]);
    expect(await inventory.chaos.requestCount(), "an open breaker fails a call at once").toBe(2);
  });
});
