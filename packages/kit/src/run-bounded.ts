// Runs a command to its end, or stops it after a time limit: an install step or a broker start
// must never hang `npm install` or `npm test` (a download behind a silent proxy can).
import { spawn } from "node:child_process";

export interface Bounded {
  /** The exit code; null when the command could not start or was stopped at the time limit. */
  code: number | null;
  timedOut: boolean;
  /** What it printed (kept for the error message; shown live too when `show` is set). */
  output: string;
}

export interface BoundedOptions {
  cwd: string;
  timeoutMs: number;
  /** Also pass the output through to this process's stdout/stderr, e.g. download progress. */
  show?: boolean;
  env?: NodeJS.ProcessEnv;
}

export function runBounded(
  command: string,
  args: string[],
  options: BoundedOptions,
): Promise<Bounded> {
  return new Promise((resolve) => {
    // its own process group, so the time limit stops what it started too (npx -> playwright)
    const group = process.platform !== "win32";
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: group,
    });
    let output = "";
    let timedOut = false;
    const keep = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk;
      if (options.show) stream.write(chunk);
    };
    child.stdout.on("data", keep(process.stdout));
    child.stderr.on("data", keep(process.stderr));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (group && child.pid) process.kill(-child.pid, "SIGTERM");
        else child.kill("SIGTERM");
      } catch {
        // already gone
      }
    }, options.timeoutMs);
    let ended = false;
    const end = (code: number | null) => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ code: timedOut ? null : code, timedOut, output });
    };
    child.once("error", (error) => {
      output += error.message;
      end(null);
    });
    child.once("close", (code) => end(code));
    // a daemon it forked may hold the pipes open: after the exit, do not wait long for them
    child.once("exit", (code) => setTimeout(() => end(code), 250).unref());
  });
}
