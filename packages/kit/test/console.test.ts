// The workshop console of a running step: it shows each service's state and acts on it.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_HEADERS, eventually } from "../src/index.ts";
import { unusedPort } from "./free-port.ts";
import { answers } from "./health.ts";

const supervise = join(import.meta.dirname, "../bin/supervise.mjs");
const service = join(import.meta.dirname, "fixtures/shop-like-service.ts");
const stuckOrders = join(import.meta.dirname, "fixtures/stuck-orders-service.ts");

describe("The workshop console", () => {
  let child: ChildProcess;
  let consoleUrl: string;
  let alpha: number;
  let consolePort: number;
  /** As the console page calls it: its actions with the admin header. */
  const api = async (method: string, path: string) => {
    const response = await fetch(consoleUrl + path, {
      method,
      headers: method === "POST" ? ADMIN_HEADERS : {},
    });
    return { status: response.status, body: await response.json() };
  };
  /** node:http, so that a test can send the Host and Origin another page's browser would. */
  const rawPost = (path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; code: string }>((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port: consolePort, method: "POST", path, headers },
        (res) => {
          let text = "";
          res.on("data", (chunk) => (text += chunk));
          res.on("end", () =>
            resolve({ status: res.statusCode!, code: JSON.parse(text).error?.code }),
          );
        },
      );
      req.on("error", reject);
      req.end();
    });

  beforeAll(async () => {
    const stepDir = mkdtempSync(join(tmpdir(), "console-"));
    alpha = await unusedPort();
    consolePort = await unusedPort();
    consoleUrl = `http://127.0.0.1:${consolePort}`;
    mkdirSync(join(stepDir, "messaging"));
    writeFileSync(
      join(stepDir, "messaging/asyncapi.json"),
      JSON.stringify({ asyncapi: "3.1.0", info: { title: "a step's messages" } }),
    );
    writeFileSync(
      join(stepDir, "services.json"),
      JSON.stringify({
        services: [
          { name: "alpha", entry: service, port: alpha },
          { name: "orders", entry: stuckOrders, port: await unusedPort() },
        ],
      }),
    );
    child = spawn(process.execPath, [supervise], {
      cwd: stepDir,
      env: { ...process.env, SHOP_CONSOLE_PORT: String(consolePort) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (d) => (output += d));
    await eventually(
      () => expect(output).toContain(`Console:    http://localhost:${consolePort}`),
      { timeout: 20_000 },
    );
  }, 30_000);

  afterAll(async () => {
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGINT");
    await exited;
  });

  it("When orders reports an order stuck PENDING, then the console lists it; when orders is stopped, the list is empty", async () => {
    expect((await api("GET", "/api/stuck-orders")).body.orders).toEqual([
      expect.objectContaining({ id: "stuck-1", pendingForMs: 90_000 }),
    ]);
    await api("POST", "/api/services/orders/stop");
    expect((await api("GET", "/api/stuck-orders")).body).toEqual({ orders: [] });
  });

  it("When the step has an AsyncAPI document, then the console serves it and its state says so, for the page to link", async () => {
    expect((await api("GET", "/api/state")).body).toMatchObject({ asyncApi: true });
    expect(await api("GET", "/asyncapi.json")).toEqual({
      status: 200,
      body: { asyncapi: "3.1.0", info: { title: "a step's messages" } },
    });
  });

  it("Given a running step, when the page is opened, then it lists each service as up, with no broker link", async () => {
    expect(await (await fetch(consoleUrl)).text()).toContain("Workshop console");
    const { body } = await api("GET", "/api/state");
    expect(body.services[0]).toEqual(
      expect.objectContaining({
        name: "alpha",
        state: "up",
        faults: { latencyMs: 0, failRate: 0, dropRate: 0, hang: false },
      }),
    );
    expect(body.brokerLink).toBeNull();
  });

  it("When Stop is clicked, then the process is gone; when Restart is clicked, then it answers again on the same port", async () => {
    expect((await api("POST", "/api/services/alpha/stop")).body).toEqual({
      name: "alpha",
      state: "stopped",
    });
    expect(await answers(alpha)).toBe(false);

    expect((await api("POST", "/api/services/alpha/restart")).body).toEqual({
      name: "alpha",
      state: "up",
    });
    expect(await answers(alpha)).toBe(true);
  });

  it("When Slow and then Heal are clicked, then the service's faults show it", async () => {
    await api("POST", "/api/services/alpha/slow");
    expect((await api("GET", "/api/state")).body.services[0].faults.latencyMs).toBe(500);
    await api("POST", "/api/services/alpha/heal");
    expect((await api("GET", "/api/state")).body.services[0].faults.latencyMs).toBe(0);
  });

  it("When asked for an unknown service or action, then it answers 404 or 400 naming the field, and changes nothing", async () => {
    expect(await api("POST", "/api/services/nope/stop")).toEqual({
      status: 404,
      body: { error: { code: "NOT_FOUND", message: "No service nope in this step" } },
    });
    const bad = await api("POST", "/api/services/alpha/explode");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toEqual(
      expect.objectContaining({
        code: "INVALID_INPUT",
        fields: { action: "must be one of stop, restart, slow, fail, heal" },
      }),
    );
    expect((await api("POST", "/api/broker/cut")).status).toBe(404);
    expect((await api("GET", "/api/state")).body.services[0].state).toBe("up");
  });

  it("When another page posts an action (no header, its own Origin, or a rebinding Host), then it is refused and the service stays up", async () => {
    const here = `127.0.0.1:${consolePort}`;

    const refused = [
      await rawPost("/api/services/alpha/stop", { host: here }),
      await rawPost("/api/services/alpha/stop", {
        host: here,
        origin: "http://evil.example",
        ...ADMIN_HEADERS,
      }),
      await rawPost("/api/services/alpha/stop", {
        host: `evil.example:${consolePort}`,
        ...ADMIN_HEADERS,
      }),
      await rawPost("/api/broker/cut", { host: here }),
    ];

    expect(refused).toEqual([
      { status: 403, code: "FORBIDDEN" },
      { status: 403, code: "FORBIDDEN" },
      { status: 421, code: "MISDIRECTED_REQUEST" },
      { status: 403, code: "FORBIDDEN" },
    ]);
    expect((await api("GET", "/api/state")).body.services[0].state).toBe("up");
    expect(await answers(alpha)).toBe(true);
    // the page itself, on its own origin with the header: the action is done
    expect(
      await rawPost("/api/services/alpha/heal", {
        host: `localhost:${consolePort}`,
        origin: `http://localhost:${consolePort}`,
        ...ADMIN_HEADERS,
      }),
    ).toEqual({ status: 200, code: undefined });
  });
});
