// Exercise 02.4: failing over between two real payments instances over one database, each
// instance asked once per charge (no retries, no breaker), with faults switched on each.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DependencyUnavailable } from "@shop/kit";
import { recordingLogger } from "@shop/kit/testing";
import {
  paymentsService,
  silent,
  type InProcessService,
} from "../../../test/support/in-process.ts";
import type { CallContext } from "../src/clients/http.ts";
import { paymentsClient } from "../src/clients/payments.ts";
import { directCaller } from "../src/clients/resilience.ts";

let first: InProcessService<any>;
let second: InProcessService<any>;
beforeEach(async () => {
  first = await paymentsService();
  second = await paymentsService(first.db); // the same database: one ledger, two processes' worth
});
afterEach(async () => {
  await second.close();
  await first.close();
});

const GOOD = "4242424242424242";
const DECLINED = "4000000000000002";
const orderId = "00000000-0000-4000-8000-000000000001";
const ctx = (): CallContext => ({ correlationId: "test", calls: 0 });
// a generous timeout: a slow first call on a loaded laptop must not look like a failure
const instance = ({ url }: { url: string }) => ({ url, caller: directCaller("payments", 5_000) });
const payments = (log = silent) => paymentsClient([first, second].map(instance), log);
const asked = async () => [await first.chaos.requestCount(), await second.chaos.requestCount()];
const outcome = (charge: Promise<unknown>) =>
  charge.then(
    () => "charged",
    (error) => error.code ?? error.constructor.name,
  );

describe("Exercise 02.4: payments with failover", () => {
  it("When the first instance answers, then the second is never asked", async () => {
    expect(await outcome(payments().charge(ctx(), orderId, 2598, GOOD))).toBe("charged");

    expect(await asked(), "the first instance first; the next only when it is unavailable").toEqual(
      [1, 0],
    );
  });

  it("When the first instance fails, then the charge goes to the second, and the card is charged once", async () => {
    await first.chaos.failShare(1);
    const log = recordingLogger("orders");

    const result = await outcome(payments(log.logger).charge(ctx(), orderId, 2598, GOOD));

    expect(result, "when one instance is unavailable, ask the next").toBe("charged");
    expect(await first.db.payment.count()).toBe(1);
    const warnings = log.lines().map((line) => JSON.parse(line));
    expect(warnings, "say in the log who failed over, from where to where").toEqual([
      expect.objectContaining({
        level: 40,
        correlationId: "test",
        dependency: "payments",
        from: first.url,
        to: second.url,
        msg: "payments unavailable: failing over",
      }),
    ]);
  });

  it("When the first charged but its answer was lost, then the second answers with that payment: one charge", async () => {
    await first.chaos.dropResponses(1);

    const result = await outcome(payments().charge(ctx(), orderId, 2598, GOOD));

    expect(result, "a lost answer is unavailable too: ask the next").toBe("charged");
    expect(await first.db.payment.count(), "the key makes the second ask safe").toBe(1);
  });

  it("When the first instance declines the card, then the second is not asked: a no is a no", async () => {
    const result = await outcome(payments().charge(ctx(), orderId, 2598, DECLINED));

    expect(result).toBe("PAYMENT_DECLINED");
    expect(await asked(), "a refusal is an answer: do not ask the next instance").toEqual([1, 0]);
  });

  it("When no instance is configured, then payments is unavailable, and says why", async () => {
    const none = paymentsClient([], silent);

    const result = await none.charge(ctx(), orderId, 2598, GOOD).catch((error: Error) => error);

    expect(result).toBeInstanceOf(DependencyUnavailable);
    expect(result).toMatchObject({ dependency: "payments" });
    expect(String(result)).toContain("no instance configured");
  });

  it("When every instance fails, then the charge fails as payments unavailable", async () => {
    await first.chaos.failShare(1);
    await second.chaos.failShare(1);

    const log = recordingLogger("orders");

    const result = await payments(log.logger)
      .charge(ctx(), orderId, 2598, GOOD)
      .catch((error: Error) => error);

    const last = "when the last one fails too, its failure is the answer";
    expect(result, last).toBeInstanceOf(DependencyUnavailable);
    expect(String(result), last).toContain("answered 503");
    expect(log.lines(), "one failover: from the first to the second, not beyond").toHaveLength(1);
    expect(await asked()).toEqual([1, 1]);
  });
});
