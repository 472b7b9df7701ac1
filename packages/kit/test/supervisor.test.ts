// `npm start` of a multi-process step: every service up and healthy, and after Ctrl-C none left.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { eventually } from "../src/index.ts";
import { unusedPort } from "./free-port.ts";
import { answers } from "./health.ts";

const supervise = join(import.meta.dirname, "../bin/supervise.mjs");
const echo = join(import.meta.dirname, "fixtures/echo-service.ts");

describe("The supervisor", () => {
  it("When a step starts, then every service answers on its port; after Ctrl-C no process is left and the ports are free", async () => {
    // Arrange: a step of two services on free ports
    const stepDir = mkdtempSync(join(tmpdir(), "supervised-"));
    const [a, b] = [await unusedPort(), await unusedPort()];
    writeFileSync(
      join(stepDir, "services.json"),
      JSON.stringify({
        services: [
          { name: "alpha", entry: echo, port: a },
          { name: "beta", entry: echo, port: b, env: { PEER: "{alpha}" } },
        ],
      }),
    );

    // Act
    const consolePort = await unusedPort(); // not 3100: a shop of the learner's may be running
    const child = spawn(process.execPath, [supervise], {
      cwd: stepDir,
      env: { ...process.env, SHOP_CONSOLE_PORT: String(consolePort) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    await eventually(() => expect(output).toContain("All services are up"), { timeout: 20_000 });

    // Assert: both up, with their data folders and the fault switches on
    const beta = await (await fetch(`http://127.0.0.1:${b}/`)).json();
    expect(beta.dataDir).toBe(join(stepDir, "data/beta"));
    expect(await answers(a)).toBe(true);

    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(output).toContain("All stopped; the ports are free.");
    expect([await answers(a), await answers(b)]).toEqual([false, false]);
  });
});

describe("The supervisor of a step that needs RabbitMQ", () => {
  it("When no broker is reachable, then it stops at once with the command that starts one, and starts nothing", async () => {
    const stepDir = mkdtempSync(join(tmpdir(), "supervised-"));
    const port = await unusedPort();
    const servicePort = await unusedPort();
    writeFileSync(
      join(stepDir, "services.json"),
      JSON.stringify({
        needsBroker: true,
        services: [{ name: "alpha", entry: echo, port: servicePort }],
      }),
    );

    const child = spawn(process.execPath, [supervise], {
      cwd: stepDir,
      env: { ...process.env, AMQP_URL: `amqp://guest:guest@127.0.0.1:${port}` },
    });
    let output = "";
    child.stderr.on("data", (d) => (output += d));
    child.stdout.on("data", (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));

    expect(code).toBe(1);
    expect(output).toContain(
      `RabbitMQ is not reachable at 127.0.0.1:${port}. Start one with \`docker compose up -d rabbitmq\``,
    );
    expect(await answers(servicePort)).toBe(false);
  });
});
