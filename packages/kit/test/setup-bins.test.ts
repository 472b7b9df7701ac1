// The two setup scripts as npm runs them: the postinstall's browser check and the broker start
// that `npm test` runs first. Only their offline paths: no download, no broker started.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { unusedPort } from "./free-port.ts";

const bin = (name: string) => join(import.meta.dirname, "../bin", name);

function run(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin(script)],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, out: stdout + stderr }),
    );
  });
}

describe("the setup scripts", () => {
  it("When the browser check runs with downloads switched off, then it reports and exits 0", async () => {
    const { code, out } = await run("check-browser.mjs", { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" });

    expect(code).toBe(0);
    expect(out).toMatch(/^browser: /);
  });

  it("When AMQP_URL names a port it may not start on, then it exits 1, today's message", async () => {
    const port = await unusedPort();

    const AMQP_URL = `amqp://guest:guest@127.0.0.1:${port}`;
    const { code, out } = await run("ensure-broker.mjs", { AMQP_URL });

    expect(code).toBe(1);
    expect(out).toContain(
      `RabbitMQ is not reachable at 127.0.0.1:${port}. Start one with \`docker compose`,
    );
  });
});
