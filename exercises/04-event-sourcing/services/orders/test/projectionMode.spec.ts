// PROJECTIONS: async unless a trainer asks for inline; anything else stops the service at start.
import { describe, expect, it } from "vitest";
import { projectionMode } from "../src/projections/runner.ts";

describe("projectionMode", () => {
  it("When PROJECTIONS is unset or empty, then async; inline or async as written", () => {
    expect([undefined, "", "async", "inline"].map(projectionMode)).toEqual([
      "async",
      "async",
      "async",
      "inline",
    ]);
  });

  it("When PROJECTIONS is anything else, then it says what it takes", () => {
    expect(() => projectionMode("sync")).toThrow('PROJECTIONS must be inline or async, not "sync"');
  });
});
