// Two vitest workers starting services at once must not pick the same port: each picks from
// its own slice of 20000-31999 (a clash showed as EADDRINUSE in a child, now and then).
import { describe, expect, it } from "vitest";
import { portSlice } from "../src/harness.ts";

describe("portSlice", () => {
  it("When workers 1 to 16 pick ports, then their slices do not overlap and stay in 20000-31999", () => {
    const ports = Array.from({ length: 16 }, (_, i) => portSlice(i + 1)).flatMap(({ from, size }) =>
      Array.from({ length: size }, (_, k) => from + k),
    );

    expect(new Set(ports).size, "no port in two slices").toBe(ports.length);
    expect(Math.min(...ports)).toBeGreaterThanOrEqual(20_000);
    expect(Math.max(...ports)).toBeLessThanOrEqual(31_999);
  });
});
