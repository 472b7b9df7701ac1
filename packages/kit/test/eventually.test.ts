import { describe, expect, it } from "vitest";
import { eventually } from "../src/index.ts";

describe("eventually", () => {
  it("When the condition becomes true after a few polls, then it resolves with the assertion's value", async () => {
    let calls = 0;
    const value = await eventually(() => {
      calls += 1;
      if (calls < 3) throw new Error("not yet");
      return "ready";
    });
    expect(value).toBe("ready");
    expect(calls).toBe(3);
  });

  it("When the condition never holds, then it fails after the timeout with the last reason", async () => {
    await expect(eventually(() => expect(1).toBe(2), { timeout: 100 })).rejects.toThrow(
      /still failing after 100 ms: .*expected 1 to be 2/,
    );
  });

  it("When there is a reason to give up, then it fails at once with that reason, long before the timeout", async () => {
    let polls = 0;
    const waiting = eventually(
      () => {
        polls += 1;
        expect(polls).toBe(100);
      },
      { timeout: 60_000, giveUpIf: () => (polls >= 3 ? "the worker crashed" : undefined) },
    );

    await expect(waiting).rejects.toThrow("gave up waiting: the worker crashed");
    expect(polls).toBe(3);
  });
});
