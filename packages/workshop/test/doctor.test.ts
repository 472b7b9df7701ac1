import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { diagnose, type Check, type DoctorOptions } from "../src/commands/doctor.ts";
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

/** A machine with these commands installed; Docker's daemon answers when docker is there. */
function installed(commands: string[]): DoctorOptions["broker"] {
  const which = (command: string) =>
    commands.includes(command) ? `/usr/bin/${command}` : undefined;
  const run = async () => ({ code: 0, timedOut: false, output: "" });
  return { anyLocalPort: true, seams: { which, run } };
}

const rabbitMq = (checks: Check[]) => checks.find((c) => c.what.startsWith("RabbitMQ"));
const chromium = (checks: Check[]) => checks.find((c) => c.what.includes("Chromium"));

describe("workshop doctor", () => {
  it("When nothing listens where the broker should be, then it warns and says how to start RabbitMQ", async () => {
    const port = await unusedPort();

    const checks = await diagnose({
      root: repoRoot,
      amqpUrl: `amqp://guest:guest@127.0.0.1:${port}`,
      ports: [],
    });

    expect(checks).toContainEqual({
      ok: false,
      warning: true,
      what: `RabbitMQ is not reachable on 127.0.0.1:${port} (needed from step 03 on)`,
      fix: "docker compose up -d rabbitmq (from the repository root), or rabbitmq-server -detached",
    });
  });

  it("When no broker answers, then it says what npm test starts: Docker, else rabbitmq-server", async () => {
    const amqpUrl = `amqp://guest:guest@127.0.0.1:${await unusedPort()}`;
    const rabbitmqOnly = installed(["rabbitmq-server"]);
    const both = installed(["docker", "rabbitmq-server"]);

    const withServer = await diagnose({ root: repoRoot, amqpUrl, ports: [], broker: rabbitmqOnly });
    const withDocker = await diagnose({ root: repoRoot, amqpUrl, ports: [], broker: both });

    const port = new URL(amqpUrl).port;
    expect(rabbitMq(withServer)).toEqual({
      ok: true,
      what:
        `RabbitMQ: not running on 127.0.0.1:${port}; npm test would start it with ` +
        "`rabbitmq-server -detached`",
    });
    expect(rabbitMq(withDocker)?.what).toContain(
      "would start it with `docker compose up -d rabbitmq`",
    );
  });

  it("When no broker answers and neither can start one, then it says to install one", async () => {
    const amqpUrl = `amqp://guest:guest@127.0.0.1:${await unusedPort()}`;

    const checks = await diagnose({ root: repoRoot, amqpUrl, ports: [], broker: installed([]) });

    expect(rabbitMq(checks)).toMatchObject({
      ok: false,
      warning: true,
      fix:
        "neither Docker nor rabbitmq-server is installed: install one, then " +
        "docker compose up -d rabbitmq (from the repository root), or rabbitmq-server -detached",
    });
  });

  it("When no Chromium is found, then npm install would download one, unless told not to", async () => {
    const none = { systemChromium: () => undefined, playwrightChromium: async () => undefined };

    const download = await diagnose({ root: repoRoot, ports: [], browserSeams: none, env: {} });
    const env = { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" };
    const skip = await diagnose({ root: repoRoot, ports: [], browserSeams: none, env });

    expect(chromium(download)).toMatchObject({
      ok: false,
      what: "no Chromium for the browser specs; npm install would run `npx playwright install chromium`",
    });
    expect(chromium(skip)?.what).toContain("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set");
  });

  it("When something holds the broker's port but does not answer, then it says to restart it", async () => {
    // accepts connections, never speaks AMQP
    const held: Socket[] = [];
    const silent = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    onTestFinished(() => {
      held.forEach((socket) => socket.destroy());
      silent.close();
    });

    const checks = await diagnose({
      root: repoRoot,
      amqpUrl: `amqp://guest:guest@127.0.0.1:${port}`,
      ports: [],
      broker: installed(["rabbitmq-server"]),
    });

    expect(rabbitMq(checks)).toMatchObject({
      ok: false,
      what: `RabbitMQ: something listens on 127.0.0.1:${port} but does not answer as a broker`,
      fix: expect.stringContaining("rabbitmqctl stop"),
    });
  });

  it("When the machine's broker answers, then it reports RabbitMQ's version", async () => {
    const checks = await diagnose({
      root: repoRoot,
      amqpUrl: "amqp://guest:guest@127.0.0.1:5672",
      ports: [],
    });

    expect(checks.find((c) => c.what.startsWith("RabbitMQ"))?.what).toMatch(
      /^RabbitMQ \d+\.\d+\.\d+ answers on 127\.0\.0\.1:5672$/,
    );
  });

  it("When AMQP_HOSTS lists a cluster whose first node is down, then another node that answers will do", async () => {
    const down = `127.0.0.1:${await unusedPort()}`;

    const up = await diagnose({
      root: repoRoot,
      amqpUrl: `amqp://guest:guest@${down}`,
      ports: [],
      broker: { ...installed(["rabbitmq-server"]), hosts: [down, "127.0.0.1:5672"] },
    });
    const none = await diagnose({
      root: repoRoot,
      amqpUrl: `amqp://guest:guest@${down}`,
      ports: [],
      broker: { ...installed(["rabbitmq-server"]), hosts: [down] },
    });

    expect(rabbitMq(up)).toEqual({
      ok: true,
      what: "RabbitMQ: a node of the cluster answers on 127.0.0.1:5672",
    });
    expect(rabbitMq(none)).toMatchObject({
      ok: false,
      what: "RabbitMQ: no node of the cluster in AMQP_HOSTS answers",
      fix: expect.stringMatching(/^Start it with `npm run cluster -- up`/),
    });
  });

  it("When a workshop port is taken, then it names the port and how to find what holds it; a free one passes", async () => {
    const busy = await occupy();
    const free = await unusedPort();

    const checks = await diagnose({ root: repoRoot, ports: [busy, free] });

    expect(checks).toContainEqual({
      ok: false,
      what: `port ${busy} is busy`,
      fix: expect.stringContaining(`lsof -i :${busy}`),
    });
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
