// Exercise 02.2: the circuit breaker alone, in front of a real inventory service.
import { http } from "../../../http-client.ts";
import { BrokenCircuitError, CircuitState } from "cockatiel";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventually } from "@shop/kit";
import { inventoryService, type InProcessService } from "../../../test/support/in-process.ts";
import { breakerFor, DEFAULT_SETTINGS } from "../src/clients/resilience.ts";

let inventory: InProcessService<any>;
beforeEach(async () => (inventory = await inventoryService()));
afterEach(() => inventory.close());

const settings = { ...DEFAULT_SETTINGS, breakerThreshold: 3, halfOpenAfterMs: 300 };
const getStock = () => http.get(`${inventory.url}/stock`, { timeout: 1_000 });
const restock = (qty: number) =>
  http.post(`${inventory.url}/api/admin/products/UMB-001/restock`, { qty });

describe("Exercise 02.2: breakerFor", () => {
  it("When the dependency fails 3 times in a row, then the breaker opens and the next call fails at once without reaching it", async () => {
    const breaker = breakerFor(settings);
    await inventory.chaos.failShare(1);
    for (let i = 0; i < 3; i++)
      await expect(breaker.execute(getStock)).rejects.toMatchObject({ response: { status: 503 } });
    const requestsBefore = await inventory.chaos.requestCount();

    await expect(breaker.execute(getStock)).rejects.toBeInstanceOf(BrokenCircuitError);

    expect(breaker.state).toBe(CircuitState.Open);
    expect(await inventory.chaos.requestCount()).toBe(requestsBefore);
  });

  it("When the dependency answers with refusals (4xx), then the breaker stays closed: a refusal is an answer, not a failure", async () => {
    const breaker = breakerFor(settings);

    for (let i = 0; i < 5; i++)
      await expect(breaker.execute(() => restock(-1))).rejects.toMatchObject({
        response: { status: 400 },
      });

    expect(breaker.state).toBe(CircuitState.Closed);
  });

  it("When the dependency recovers, then after the half-open delay one call goes through and closes the breaker", async () => {
    const breaker = breakerFor(settings);
    await inventory.chaos.failShare(1);
    for (let i = 0; i < 3; i++) await expect(breaker.execute(getStock)).rejects.toThrow();
    await inventory.chaos.heal();

    await eventually(async () => expect((await breaker.execute(getStock)).status).toBe(200), {
      timeout: 3_000,
    });

    expect(breaker.state).toBe(CircuitState.Closed);
  });
});
