// Exercise 02.1: a call policy: its circuit breaker alone, in front of a real inventory service.
import { http } from "../../../http-client.ts";
import { BrokenCircuitError, CircuitState } from "cockatiel";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { inventoryService, type InProcessService } from "../../../test/support/in-process.ts";
import { breakerFor, DEFAULT_SETTINGS } from "../src/clients/resilience.ts";

let inventory: InProcessService<any>;
beforeEach(async () => (inventory = await inventoryService()));
afterEach(() => inventory.close());

// open for long: a test that checks the breaker is open must not see it half-open already
const settings = { ...DEFAULT_SETTINGS, breakerThreshold: 3, halfOpenAfterMs: 5_000 };
const getStock = () => http.get(`${inventory.url}/stock`, { timeout: 1_000 });
const restock = (qty: number) =>
  http.post(`${inventory.url}/api/admin/products/UMB-001/restock`, { qty });

describe("breakerFor", () => {
  it("When the dependency fails 3 times in a row, then the breaker opens and the next call fails at once without reaching it", async () => {
    const breaker = breakerFor(settings);
    await inventory.chaos.failShare(1);
    for (let i = 0; i < 3; i++)
      await expect(breaker.execute(getStock)).rejects.toMatchObject({ response: { status: 503 } });
    const requestsBefore = await inventory.chaos.requestCount();

    const opened = "open after breakerThreshold failures in a row; then fail at once";
    await expect(breaker.execute(getStock), opened).rejects.toBeInstanceOf(BrokenCircuitError);

    expect(CircuitState[breaker.state], opened).toBe("Open");
    expect(await inventory.chaos.requestCount(), opened).toBe(requestsBefore);
  });

  it("When the dependency answers with refusals (4xx), then the breaker stays closed: a refusal is an answer, not a failure", async () => {
    const breaker = breakerFor(settings);

    const answers: unknown[] = [];
    for (let i = 0; i < 5; i++)
      answers.push(
        await breaker
          .execute(() => restock(-1))
          .then(
            (response) => response.status,
            (error) => error.response?.status ?? error.constructor.name,
          ),
      );

    const answer = "a refusal is an answer, not a failure: count only what isTransient says";
    expect(answers, answer).toEqual([400, 400, 400, 400, 400]);
    expect(CircuitState[breaker.state], answer).toBe("Closed");
  });

  it("When the dependency does not answer at all, then those failures count too and the breaker opens", async () => {
    const breaker = breakerFor(settings);
    await inventory.chaos.stopAnswering();
    const noAnswer = () => http.get(`${inventory.url}/stock`, { timeout: 50 });
    for (let i = 0; i < 3; i++) await expect(breaker.execute(noAnswer)).rejects.toThrow();

    const silent = "no answer is a failure too: count what isTransient says, not only the 5xx";
    await expect(breaker.execute(noAnswer), silent).rejects.toBeInstanceOf(BrokenCircuitError);
  });

  it("When the dependency recovers, then after the half-open delay one call goes through and closes the breaker", async () => {
    const breaker = breakerFor({ ...settings, halfOpenAfterMs: 50 });
    await inventory.chaos.failShare(1);
    for (let i = 0; i < 3; i++) await expect(breaker.execute(getStock)).rejects.toThrow();
    await inventory.chaos.heal();

    const halfOpen = "after halfOpenAfterMs, let one call through; its success closes the breaker";
    const status = () =>
      breaker.execute(getStock).then(
        (response) => response.status,
        (error: Error) => error.constructor.name,
      );
    await eventually(async () => expect(await status(), halfOpen).toBe(200), { timeout: 3_000 });

    expect(CircuitState[breaker.state], halfOpen).toBe("Closed");
  });
});
