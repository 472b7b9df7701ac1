// Latency adds up: every call to another service waits for the one before it.
import { describe, expect, it } from "vitest";
import { GOOD_CARD, useShop } from "../../../test/support/shop.ts";

// Its subject is how latency adds up, not timeouts: a generous call timeout keeps a busy machine
// (2 cores, two test files at once) from turning 100 ms calls into retries.
const shop = useShop({ env: { orders: { CALL_TIMEOUT_MS: "5000" } } });

describe("POST /api/orders, when every dependency is slow", () => {
  it("When 100 ms are added to each dependency, then an order takes at least the sum of its calls", async () => {
    // Arrange
    for (const name of ["catalog", "inventory", "payments", "payments-b", "shipping"])
      await shop.chaos(name).addLatency(100);

    // Act
    const started = performance.now();
    const { status, headers } = await shop.api.post("/api/orders", {
      lines: [
        { sku: "MUG-001", qty: 1 },
        { sku: "PEN-001", qty: 1 },
      ],
      card: GOOD_CARD,
    });
    const elapsed = performance.now() - started;

    // Assert: 2 catalog calls (one per line) + reserve + charge + ship = 5 calls, one after the other
    expect(status).toBe(201);
    expect(headers.get("x-downstream-calls")).toBe("5");
    expect(elapsed).toBeGreaterThanOrEqual(5 * 100);
  });

  it("When nothing is slow, then the order still makes one call per line to the catalog plus three", async () => {
    const { status, headers } = await shop.api.post("/api/orders", {
      lines: [{ sku: "MUG-001", qty: 1 }],
      card: GOOD_CARD,
    });

    expect(status).toBe(201);
    expect(headers.get("x-downstream-calls")).toBe("4");
  });
});
