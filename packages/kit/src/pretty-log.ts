// The supervisor's terminal: one readable line per pino JSON line (time, level, message and the
// fields worth seeing). A failed message shows its type, its attempt and the error, so the
// terminal says why without opening the JSON log.
import { LEVELS } from "./console/timeline.ts";

const FIELDS = [
  "correlationId",
  "orderId",
  "type",
  "queue",
  "attempt",
  "dependency",
  "downstreamCalls",
  "url",
];

function field(key: string, value: unknown): string {
  if (key === "correlationId") return `${key}=${String(value).slice(0, 8)}`;
  return `${key}=${typeof value === "object" ? JSON.stringify(value) : value}`;
}

/** pino writes `err` as a string (our handlers) or as a serialised Error ({ type, message, stack }). */
function errorText(err: unknown): string | undefined {
  if (err === undefined || err === null) return undefined;
  if (typeof err === "object" && "message" in err)
    return String((err as { message: unknown }).message);
  return String(err);
}

export function prettyLogLine(line: string): { text: string; level: number } {
  try {
    const log = JSON.parse(line);
    if (typeof log !== "object" || log === null) throw new Error("not a log line");
    const time = new Date(log.time).toISOString().slice(11, 23);
    const fields = FIELDS.filter((k) => log[k] !== undefined).map((k) => field(k, log[k]));
    const error = errorText(log.err ?? log.error);
    if (error) fields.push(`error="${error}"`);
    const req = log.req
      ? `${log.req.method} ${log.req.url} -> ${log.res?.statusCode} ${log.responseTime}ms `
      : "";
    const level = (LEVELS[log.level] ?? String(log.level)).padEnd(5);
    return {
      text: `${time} ${level} ${req}${log.msg ?? ""} ${fields.join(" ")}`.trimEnd(),
      level: Number(log.level) || 30,
    };
  } catch {
    return { text: line, level: 50 }; // not a log line (a stack trace, a crash): always shown
  }
}
