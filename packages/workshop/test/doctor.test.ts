import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { diagnose } from "../src/commands/doctor.ts";
import { repoRoot } from "./temp-workshop.ts";

const servers: Server[] = [];
afterEach(() => Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r)))));

function occupy(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    servers.push(server);
    server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port));
  });
}

async function unusedPort(): Promise<number> {
  const port = await occupy();
  await new Promise((r) => servers.pop()!.close(r));
  return port;
}

describe("workshop doctor", () => {
  it("When nothing listens where the broker should be, then it warns and says how to start RabbitMQ", async () => {
    const port = await unusedPort();

    const checks = await diagnose({ root: repoRoot, amqpUrl: `amqp://guest:guest@127.0.0.1:${port}`, ports: [] });

    expect(checks).toContainEqual({
      ok: false,
      warning: true,
      what: `RabbitMQ is not reachable on 127.0.0.1:${port} (needed from step 03 on)`,
      fix: "docker compose up -d rabbitmq (from the repository root), or rabbitmq-server -detached",
    });
  });

  it("When the machine's broker answers, then it reports RabbitMQ's version", async () => {
    const checks = await diagnose({ root: repoRoot, amqpUrl: "amqp://guest:guest@127.0.0.1:5672", ports: [] });

    expect(checks.find((c) => c.what.startsWith("RabbitMQ"))?.what).toMatch(/^RabbitMQ \d+\.\d+\.\d+ answers on 127\.0\.0\.1:5672$/);
  });

  it("When a workshop port is taken, then it names the port and how to find what holds it; a free one passes", async () => {
    const busy = await occupy();
    const free = await unusedPort();

    const checks = await diagnose({ root: repoRoot, ports: [busy, free] });

    expect(checks).toContainEqual({ ok: false, what: `port ${busy} is busy`, fix: expect.stringContaining(`lsof -i :${busy}`) });
    expect(checks).toContainEqual({ ok: true, what: `port ${free} is free` });
  });

  it("Node, dependencies, browser and disk are checked on this machine", async () => {
    const checks = await diagnose({ root: repoRoot, ports: [] });

    expect(checks.find((c) => c.what.startsWith("Node.js"))).toMatchObject({ ok: true });
    expect(checks.find((c) => c.what.startsWith("dependencies"))).toMatchObject({ ok: true });
    expect(checks.find((c) => c.what.includes("Chromium"))).toMatchObject({ ok: true });
    expect(checks.find((c) => c.what.includes("free on disk"))).toMatchObject({ ok: true });
  });
});
