// The supervisor's terminal line for a JSON log line: a failed message says what, which attempt and why.
import { describe, expect, it } from "vitest";
import { prettyLogLine } from "../src/pretty-log.ts";

const at = Date.parse("2026-12-01T10:00:00.123Z");

describe("A log line in the supervisor's terminal", () => {
  it("When a handler failed, then the line shows the message type, the attempt and the error", () => {
    const line = JSON.stringify({
      level: 40,
      time: at,
      msg: "handler failed; will retry",
      correlationId: "abcdef123456",
      type: "inventory.stock-reserved",
      queue: "03-pubsub.payments.order-events",
      attempt: 2,
      err: "No pending charge for order 42 yet",
    });

    const { text, level } = prettyLogLine(line);

    expect(level).toBe(40);
    expect(text).toBe(
      "10:00:00.123 warn  handler failed; will retry correlationId=abcdef12 type=inventory.stock-reserved " +
        'queue=03-pubsub.payments.order-events attempt=2 error="No pending charge for order 42 yet"',
    );
  });

  it("When pino serialised an Error, then its message is shown", () => {
    const line = JSON.stringify({
      level: 50,
      time: at,
      msg: "request failed",
      err: { type: "Error", message: "disk full", stack: "…" },
    });

    expect(prettyLogLine(line).text).toBe('10:00:00.123 error request failed error="disk full"');
  });

  it("When the line is not JSON (a stack trace), then it is shown as it is, as an error", () => {
    expect(prettyLogLine("    at main (file.ts:1:1)")).toEqual({
      text: "    at main (file.ts:1:1)",
      level: 50,
    });
  });
});
