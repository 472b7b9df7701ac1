// An order's story across services, from what the console saw: the services' log lines and the
// messages on shop.events. Both carry correlation ids; an order id ties a correlation id to the
// order, and every entry with that correlation id belongs to its timeline. Pure: no I/O.

export interface LogEntry {
  at: string; // ISO time
  service: string;
  level: string;
  text: string;
  correlationId?: string;
  orderId?: string;
}

export interface MessageEntry {
  at: string;
  type: string;
  id: string;
  correlationId: string;
  causationId: string | null;
  orderId?: string;
  /** The instance that published it (payments-2): the one that handled what it answers. */
  from?: string;
}

export interface TimelineEntry {
  at: string;
  source: string; // a service name; for a message, its publisher's (or "broker" if unknown)
  kind: "log" | "message";
  text: string;
  correlationId: string;
}

export function orderTimeline(
  orderId: string,
  logs: readonly LogEntry[],
  messages: readonly MessageEntry[],
): TimelineEntry[] {
  const correlationIds = new Set<string>();
  for (const entry of [...logs, ...messages]) {
    if (entry.orderId === orderId && entry.correlationId) correlationIds.add(entry.correlationId);
  }
  const belongs = (e: { orderId?: string; correlationId?: string }) =>
    e.orderId === orderId || (e.correlationId !== undefined && correlationIds.has(e.correlationId));
  const entries: TimelineEntry[] = [
    ...logs.filter(belongs).map((l) => ({
      at: l.at,
      source: l.service,
      kind: "log" as const,
      text: l.text,
      correlationId: l.correlationId ?? "",
    })),
    ...messages.filter(belongs).map((m) => ({
      at: m.at,
      source: m.from ?? "broker",
      kind: "message" as const,
      text: m.type,
      correlationId: m.correlationId,
    })),
  ];
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

export const LEVELS: Record<number, string> = {
  10: "trace",
  20: "debug",
  30: "info",
  40: "warn",
  50: "error",
  60: "fatal",
};

/** A pino JSON line as the console keeps it, or undefined for a line that is not one. */
export function parseLogLine(service: string, line: string): LogEntry | undefined {
  let log: Record<string, any>;
  try {
    log = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof log !== "object" || log === null || typeof log.time !== "number") return undefined;
  const request = log.req
    ? `${log.req.method} ${log.req.url} -> ${log.res?.statusCode} (${log.responseTime} ms)`
    : "";
  return {
    at: new Date(log.time).toISOString(),
    service,
    level: LEVELS[log.level] ?? String(log.level),
    text: [request, log.msg].filter(Boolean).join(" "),
    correlationId: typeof log.correlationId === "string" ? log.correlationId : undefined,
    orderId: typeof log.orderId === "string" ? log.orderId : undefined,
  };
}

/** The order a message is about, if its data names one (every orders, inventory and payments event does). */
export function orderIdOf(data: unknown): string | undefined {
  const orderId =
    typeof data === "object" && data !== null ? (data as { orderId?: unknown }).orderId : undefined;
  return typeof orderId === "string" ? orderId : undefined;
}
