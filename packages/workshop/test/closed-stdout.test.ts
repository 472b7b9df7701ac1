// `npx workshop list | head`: the reader goes away early; the command must end quietly, not crash.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./temp-workshop.ts";

type Ended = { code: number | null; signal: string | null; stderr: string; first: string };

/** Runs the CLI with a reader that, like `head -1`, closes its end of the pipe after one line. */
function runIntoHead(...args: string[]): Promise<Ended> {
  return new Promise((resolve) => {
    const bin = join(repoRoot, "packages/workshop/bin/workshop.mjs");
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, NO_COLOR: "1" },
    });
    let out = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk;
      if (out.includes("\n")) child.stdout.destroy();
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("close", (code, signal) =>
      resolve({ code, signal, stderr, first: out.split("\n")[0]! }),
    );
  });
}

describe("npx workshop with its output piped into head", () => {
  it("When the reader closes after the first line, then list ends with status 0, stderr empty", async () => {
    const { code, signal, stderr, first } = await runIntoHead("list");

    expect(first).toBe("Step 01 monolith  steps/01-monolith");
    expect(stderr).toBe("");
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  });
});
