// An order's timeline: what every service logged and every message published for it, in order.
import { describe, expect, it } from "vitest";
import {
  orderTimeline,
  parseLogLine,
  type LogEntry,
  type MessageEntry,
} from "../src/console/timeline.ts";

const log = (
  at: string,
  service: string,
  text: string,
  correlationId?: string,
  orderId?: string,
): LogEntry => ({ at, service, level: "info", text, correlationId, orderId });
const message = (
  at: string,
  type: string,
  correlationId: string,
  orderId?: string,
): MessageEntry => ({ at, type, id: type, correlationId, causationId: null, orderId });

describe("An order's timeline", () => {
  it("When several instances publish, then each message's source is the instance that published it", () => {
    const messages = [
      {
        ...message("2026-01-01T10:00:01.000Z", "payments.payment-succeeded", "c1", "o1"),
        from: "payments-2",
      },
      message("2026-01-01T10:00:02.000Z", "orders.order-confirmed", "c1", "o1"),
    ];

    const timeline = orderTimeline("o1", [], messages);

    expect(timeline.map((e) => `${e.source}: ${e.text}`)).toEqual([
      "payments-2: payments.payment-succeeded",
      "broker: orders.order-confirmed",
    ]);
  });

  it("Given the log line that names the order, then every entry with its correlation id belongs to it, oldest first", () => {
    const logs = [
      log("2026-01-01T10:00:00.300Z", "web", "POST /api/orders -> 202", "c1"),
      log("2026-01-01T10:00:00.200Z", "orders", "order accepted", "c1", "o1"),
      log("2026-01-01T10:00:00.250Z", "orders", "another order's request", "c2"),
    ];
    const messages = [
      message("2026-01-01T10:00:01.000Z", "payments.payment-succeeded", "c1", "o1"),
      message("2026-01-01T10:00:00.400Z", "catalog.product-changed", "c3"),
    ];

    const timeline = orderTimeline("o1", logs, messages);

    expect(timeline.map((e) => `${e.source}: ${e.text}`)).toEqual([
      "orders: order accepted",
      "web: POST /api/orders -> 202",
      "broker: payments.payment-succeeded",
    ]);
  });

  it("Given nothing names the order, then its timeline is empty", () => {
    expect(
      orderTimeline("o9", [log("2026-01-01T10:00:00.000Z", "web", "GET /", "c1")], []),
    ).toEqual([]);
  });

  it("Given a pino line, then it keeps time, service, request and ids; given any other line, nothing", () => {
    const line = JSON.stringify({
      level: 30,
      time: Date.parse("2026-01-01T10:00:00Z"),
      correlationId: "c1",
      req: { method: "POST", url: "/api/orders" },
      res: { statusCode: 201 },
      responseTime: 12,
      msg: "request completed",
    });
    expect(parseLogLine("orders", line)).toEqual({
      at: "2026-01-01T10:00:00.000Z",
      service: "orders",
      level: "info",
      text: "POST /api/orders -> 201 (12 ms) request completed",
      correlationId: "c1",
      orderId: undefined,
    });
    expect(parseLogLine("orders", "TypeError: boom")).toBeUndefined();
  });
});
