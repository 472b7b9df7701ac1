import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { eventually } from "../src/eventually.ts";
import { processIsAlive } from "../src/harness.ts";
import { freshDataDir, startProcess, startStep } from "../src/testing.ts";
import { unusedPort } from "./free-port.ts";

const echo = (dataDir: string) => ({
  name: "echo",
  cwd: import.meta.dirname,
  entry: join(import.meta.dirname, "fixtures/echo-service.ts"),
  env: { DATA_DIR: dataDir },
});

describe("startProcess", () => {
  it("When a service starts, then it answers on the ephemeral port it reported, with its own data folder", async () => {
    const dataDir = freshDataDir();
    const service = await startProcess(echo(dataDir));
    try {
      const body = await (await fetch(`${service.url}/health`)).json();
      expect(body).toMatchObject({ path: "/health", dataDir });
      expect(service.port).toBeGreaterThan(0);
    } finally {
      await service.stop();
    }
  });

  it("When it is stopped, then its process is gone and its port is closed", async () => {
    const service = await startProcess(echo(freshDataDir()));
    const { pid } = await (await fetch(service.url)).json();

    await service.stop();

    expect(processIsAlive(pid)).toBe(false);
    await expect(fetch(service.url)).rejects.toThrow();
  });

  it("When the entry crashes before listening, then start fails with its output", async () => {
    await expect(
      startProcess({
        name: "broken",
        cwd: import.meta.dirname,
        entry: join(import.meta.dirname, "fixtures/does-not-exist.ts"),
      }),
    ).rejects.toThrow(/broken exited with code 1 before listening/);
  });

  it("When the entry does not listen in time, then start fails and its process is killed", async () => {
    const dataDir = freshDataDir();
    const stuck = {
      name: "stuck",
      cwd: import.meta.dirname,
      entry: join(import.meta.dirname, "fixtures/never-listening-service.ts"),
      env: { DATA_DIR: dataDir },
    };

    await expect(startProcess(stuck, { startTimeoutMs: 3_000 })).rejects.toThrow(
      /stuck did not start within 3000 ms/,
    );

    const pid = Number(readFileSync(join(dataDir, "pid"), "utf8"));
    await eventually(() => expect(processIsAlive(pid)).toBe(false));
  });
});

describe("startStep", () => {
  it("When the step needs RabbitMQ and none is reachable, then it fails at once saying how to start one", async () => {
    const stepDir = mkdtempSync(join(tmpdir(), "step-"));
    writeFileSync(
      join(stepDir, "services.json"),
      JSON.stringify({
        needsBroker: true,
        services: [{ name: "echo", entry: "fixtures/none.ts", port: 1 }],
      }),
    );
    const port = await unusedPort();
    const saved = process.env.AMQP_URL;
    process.env.AMQP_URL = `amqp://guest:guest@127.0.0.1:${port}`;
    try {
      await expect(startStep(stepDir)).rejects.toThrow(
        `RabbitMQ is not reachable at 127.0.0.1:${port}`,
      );
    } finally {
      if (saved === undefined) delete process.env.AMQP_URL;
      else process.env.AMQP_URL = saved;
    }
  });

  it("When a service is restarted with settings, then it keeps them through a stop and a start, until restarted with none", async () => {
    const stepDir = mkdtempSync(join(tmpdir(), "step-"));
    const entry = join(import.meta.dirname, "fixtures/echo-service.ts");
    writeFileSync(
      join(stepDir, "services.json"),
      JSON.stringify({ services: [{ name: "echo", entry, port: 1 }] }),
    );
    const step = await startStep(stepDir);
    const echo = step.services.echo!;
    const setting = async () => (await (await fetch(`${echo.url}/`)).json()).setting;
    try {
      expect(await setting()).toBe(null);

      await echo.restartWith({ ECHO_SETTING: "slow" });
      const kept = await setting();
      await echo.stop();
      await echo.start();
      const afterRestart = await setting();
      await echo.restartWith(undefined);

      expect([kept, afterRestart, await setting()]).toEqual(["slow", "slow", null]);
    } finally {
      await step.stop();
    }
  });
});
