// Round robin across two real payments instances over one database: charges are shared between
// them, and one that fails is set aside (asked last) instead of making every charge wait for it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  paymentsService,
  silent,
  type InProcessService,
} from "../../../test/support/in-process.ts";
import { roundRobin } from "../../../balance.ts";
import type { CallContext } from "../src/clients/http.ts";
import { paymentsClient, type Instance } from "../src/clients/payments.ts";
import { directCaller } from "../src/clients/resilience.ts";

let first: InProcessService<any>;
let second: InProcessService<any>;
beforeEach(async () => {
  first = await paymentsService();
  second = await paymentsService(first.db);
});
afterEach(async () => {
  await second.close();
  await first.close();
});

const GOOD = "4242424242424242";
const ctx = (): CallContext => ({ correlationId: "round-robin", calls: 0 });
const orderId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const balanced = () => {
  const instances: Instance[] = [first, second].map(({ url }) => ({
    url,
    caller: directCaller("payments", 5_000),
  }));
  return paymentsClient(instances, silent, roundRobin(instances));
};
const asked = async () => [await first.chaos.requestCount(), await second.chaos.requestCount()];

describe("payments, round robin", () => {
  it("When both instances are up, then ten charges are shared five and five, each charged once", async () => {
    const payments = balanced();

    for (let n = 1; n <= 10; n++) await payments.charge(ctx(), orderId(n), 1200, GOOD);

    expect(await asked()).toEqual([5, 5]);
    expect(await first.db.payment.count(), "one ledger, ten charges").toBe(10);
  });

  it("When the first instance fails, then it is asked once and the second takes every charge after", async () => {
    await first.chaos.failShare(1);
    const payments = balanced();

    for (let n = 1; n <= 6; n++) await payments.charge(ctx(), orderId(n), 1200, GOOD);

    expect(await asked(), "set aside after its failure, not asked on each turn").toEqual([1, 6]);
    expect(await first.db.payment.count()).toBe(6);
  });
});
