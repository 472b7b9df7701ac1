// The workshop console of a running step: it shows each service's state and acts on it.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../src/index.ts";
import { unusedPort } from "./free-port.ts";
import { answers } from "./health.ts";

const supervise = join(import.meta.dirname, "../bin/supervise.mjs");
const service = join(import.meta.dirname, "fixtures/shop-like-service.ts");

describe("The workshop console", () => {
  let child: ChildProcess;
  let consoleUrl: string;
  let alpha: number;
  const api = async (method: string, path: string) => {
    const response = await fetch(consoleUrl + path, { method });
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    const stepDir = mkdtempSync(join(tmpdir(), "console-"));
    alpha = await unusedPort();
    const consolePort = await unusedPort();
    consoleUrl = `http://127.0.0.1:${consolePort}`;
    writeFileSync(join(stepDir, "services.json"), JSON.stringify({ services: [{ name: "alpha", entry: service, port: alpha }] }));
    child = spawn(process.execPath, [supervise], { cwd: stepDir, env: { ...process.env, SHOP_CONSOLE_PORT: String(consolePort) }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout!.on("data", (d) => (output += d));
    await eventually(() => expect(output).toContain(`Console:    http://localhost:${consolePort}`), { timeout: 20_000 });
  }, 30_000);

  afterAll(async () => {
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGINT");
    await exited;
  });

  it("Given a running step, when the page is opened, then it lists each service as up, with no broker link", async () => {
    expect(await (await fetch(consoleUrl)).text()).toContain("Workshop console");
    const { body } = await api("GET", "/api/state");
    expect(body.services).toEqual([expect.objectContaining({ name: "alpha", state: "up", faults: { latencyMs: 0, failRate: 0, dropRate: 0, hang: false } })]);
    expect(body.brokerLink).toBeNull();
  });

  it("When Stop is clicked, then the process is gone; when Restart is clicked, then it answers again on the same port", async () => {
    expect((await api("POST", "/api/services/alpha/stop")).body).toEqual({ name: "alpha", state: "stopped" });
    expect(await answers(alpha)).toBe(false);

    expect((await api("POST", "/api/services/alpha/restart")).body).toEqual({ name: "alpha", state: "up" });
    expect(await answers(alpha)).toBe(true);
  });

  it("When Slow and then Heal are clicked, then the service's faults show it", async () => {
    await api("POST", "/api/services/alpha/slow");
    expect((await api("GET", "/api/state")).body.services[0].faults.latencyMs).toBe(500);
    await api("POST", "/api/services/alpha/heal");
    expect((await api("GET", "/api/state")).body.services[0].faults.latencyMs).toBe(0);
  });

  it("When asked for an unknown service or action, then it answers 404 or 400 naming the field, and changes nothing", async () => {
    expect(await api("POST", "/api/services/nope/stop")).toEqual({ status: 404, body: { error: { code: "NOT_FOUND", message: "No service nope in this step" } } });
    const bad = await api("POST", "/api/services/alpha/explode");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toEqual(expect.objectContaining({ code: "INVALID_INPUT", fields: { action: "must be one of stop, restart, slow, fail, heal" } }));
    expect((await api("POST", "/api/broker/cut")).status).toBe(404);
    expect((await api("GET", "/api/state")).body.services[0].state).toBe("up");
  });
});
