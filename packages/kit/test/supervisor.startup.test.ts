// `npm start` tells the truth: it checks its ports before it starts anything, and a service that
// dies during start-up stops the step with that service's last lines and a non-zero exit.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startProcess } from "../src/testing.ts";
import { occupyPort, unusedPort } from "./free-port.ts";
import { answers } from "./health.ts";

const supervise = join(import.meta.dirname, "../bin/supervise.mjs");
const echo = join(import.meta.dirname, "fixtures/echo-service.ts");
const shopLike = join(import.meta.dirname, "fixtures/shop-like-service.ts");
const crashing = join(import.meta.dirname, "fixtures/crashing-service.ts");

/** Runs the supervisor of a step made of these services until it exits. */
async function superviseStep(services: { name: string; entry: string; port: number }[]) {
  const stepDir = mkdtempSync(join(tmpdir(), "supervised-"));
  writeFileSync(join(stepDir, "services.json"), JSON.stringify({ services }));
  const consolePort = await unusedPort();
  const env = { ...process.env, SHOP_CONSOLE_PORT: String(consolePort), LOG_LEVEL: "warn" };
  const child = spawn(process.execPath, [supervise], {
    cwd: stepDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { code, output };
}

describe("The supervisor, before it starts anything", () => {
  it("When a port is held by another step's service, then it stops at once, names the port, that step and the fix, and starts nothing", async () => {
    const other = await startProcess({
      name: "shipping",
      entry: shopLike,
      cwd: tmpdir(),
      env: { SERVICE_NAME: "shipping", SHOP_STEP: "03-pubsub" },
    });
    try {
      const free = await unusedPort();
      const { code, output } = await superviseStep([
        { name: "alpha", entry: echo, port: free },
        { name: "shipping", entry: echo, port: other.port },
      ]);

      expect(code, output).toBe(1);
      expect(output).toContain(
        `port ${other.port} (for shipping) is taken by shipping of step 03-pubsub (pid `,
      );
      expect(output).toContain("Fix: stop step 03-pubsub (Ctrl-C in its terminal)");
      expect(output).toContain("--port-offset 200");
      expect(output).not.toContain("All services are up");
      expect(await answers(free), "alpha must not have been started").toBe(false);
    } finally {
      await other.stop();
    }
  });

  it("When a port is held by a program that is not the shop, then it names the program and its pid", async () => {
    const holder = await occupyPort();
    holder.on("connection", (socket) => socket.destroy()); // it speaks no HTTP
    try {
      const { port } = holder.address() as { port: number };
      const { code, output } = await superviseStep([{ name: "alpha", entry: echo, port }]);

      expect(code, output).toBe(1);
      expect(output).toMatch(
        new RegExp(`port ${port} \\(for alpha\\) is taken by \\S.* \\(pid ${process.pid}\\)`),
      );
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});

describe("The supervisor, during start-up", () => {
  it("When a service dies before it answers, then the others are stopped, its last log lines are shown, and it exits 1", async () => {
    const [a, b] = [await unusedPort(), await unusedPort()];
    const { code, output } = await superviseStep([
      { name: "alpha", entry: echo, port: a },
      { name: "beta", entry: crashing, port: b },
    ]);

    expect(code, output).toBe(1);
    expect(output).toContain("beta did not start: it exited (code 1). Its last log lines:");
    expect(output).toContain("opening the database");
    expect(output).toContain("the database file is locked");
    expect(output).not.toContain("All services are up");
    expect(output).toContain("All stopped; the ports are free.");
    expect(await answers(a), "alpha must be stopped").toBe(false);
  });
});
