// runBounded, for real: a command that hangs is stopped at the limit, and one that leaves a
// daemon holding its output open (as `rabbitmq-server -detached` may) still returns.
import { describe, expect, it } from "vitest";
import { runBounded } from "../src/run-bounded.ts";

describe("runBounded", () => {
  it("When the command ends, then its code and output come back", async () => {
    const run = await runBounded("sh", ["-c", "echo hello; exit 3"], {
      cwd: "/",
      timeoutMs: 5_000,
    });

    expect(run).toEqual({ code: 3, timedOut: false, output: "hello\n" });
  });

  it("When the command outlives the limit, then it is stopped and says it timed out", async () => {
    const started = Date.now();
    const run = await runBounded("sh", ["-c", "sleep 30"], { cwd: "/", timeoutMs: 300 });

    expect(run).toMatchObject({ code: null, timedOut: true });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("When the command leaves a child holding its output, then it returns soon after its exit", async () => {
    const started = Date.now();
    const run = await runBounded("sh", ["-c", "sleep 3 & echo detached"], {
      cwd: "/",
      timeoutMs: 10_000,
    });

    expect(run).toMatchObject({ code: 0, timedOut: false, output: "detached\n" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("When the command is not installed, then it returns a null code instead of throwing", async () => {
    const run = await runBounded("no-such-command-here", [], { cwd: "/", timeoutMs: 1_000 });

    expect(run).toMatchObject({ code: null, timedOut: false });
  });
});
