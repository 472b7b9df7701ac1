import { Writable } from "node:stream";
import { pino, type Logger } from "pino";

/** For in-process tests: a logger that keeps its lines, to check what a service warned about. */
export function recordingLogger(service: string): { logger: Logger; lines(): string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: pino({ name: service, level: "info" }, sink), lines: () => [...lines] };
}
