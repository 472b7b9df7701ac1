// ensureBroker on pretend machines: the probe, the installed commands and the clock are fakes,
// so these tests run offline and never start, stop or even reach a real broker.
import { createServer, type AddressInfo, type Server } from "node:net";
import { basename } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { amqpAnswers } from "../src/ensure-broker.ts";
import { ensureBroker, planBroker, type BrokerSeams } from "../src/testing.ts";
import { unusedPort } from "./free-port.ts";

const LOCAL = "amqp://guest:guest@127.0.0.1:5672";
const TODAY =
  "RabbitMQ is not reachable at 127.0.0.1:5672. Start one with `docker compose up -d rabbitmq`";

interface Machine {
  up?: boolean;
  installed?: string[];
  /** Docker's compose plugin and daemon answer (default: yes, when docker is installed). */
  dockerRuns?: boolean;
  /** What a start command does: opens the port (default), fails, or returns with no broker. */
  start?: "opens" | "fails" | "nothing";
  /** Its port is taken by a broker that does not answer yet: busy, or still starting. */
  busy?: boolean;
  /** When the busy broker answers at last (ms on the fake clock); never if unset. */
  answersAt?: number;
}

/** A machine whose broker comes up when a start command runs; it records every command. */
function machine({
  up = false,
  installed = [],
  dockerRuns = true,
  start = "opens",
  busy = false,
  answersAt,
}: Machine = {}) {
  const ran: string[] = [];
  const log: string[] = [];
  let clock = 0;
  const seams: BrokerSeams = {
    probe: async () => up || (answersAt !== undefined && clock >= answersAt),
    listens: async () => up || busy,
    which: (command) => (installed.includes(command) ? `/usr/sbin/${command}` : undefined),
    run: async (path, args) => {
      const line = [basename(path), ...args].join(" ");
      ran.push(line);
      const starting =
        line === "docker compose up -d rabbitmq" || line === "rabbitmq-server -detached";
      if (!starting) return { code: dockerRuns ? 0 : 1, timedOut: false, output: "" };
      if (start === "fails") return { code: 1, timedOut: false, output: "boom\nport 5672 taken" };
      clock += 3_000;
      up = start === "opens";
      return { code: 0, timedOut: false, output: "" };
    },
    now: () => clock,
    sleep: async (ms) => void (clock += ms),
  };
  return { ran, log, seams, options: { amqpUrl: LOCAL, seams, log: (l: string) => log.push(l) } };
}

describe("ensureBroker: a broker for steps 03 and 04", () => {
  it("When a broker already answers, then it is left alone: no command runs, nothing is said", async () => {
    const m = machine({ up: true, installed: ["docker", "rabbitmq-server"] });

    await expect(ensureBroker(m.options)).resolves.toEqual({ host: "127.0.0.1", port: 5672 });
    expect(m.ran).toEqual([]);
    expect(m.log).toEqual([]);
  });

  it("When only rabbitmq-server is installed, then it starts it, waits, says how to stop it", async () => {
    const m = machine({ installed: ["rabbitmq-server"] });

    const ready = await ensureBroker(m.options);

    expect(m.ran).toEqual(["rabbitmq-server -detached"]);
    expect(ready.started).toEqual({ by: "rabbitmq-server", stop: "rabbitmqctl stop", seconds: 3 });
    expect(m.log.at(-1)).toBe(
      "RabbitMQ: started with `rabbitmq-server -detached` in 3 s. " +
        "It keeps running; stop it with `rabbitmqctl stop`.",
    );
  });

  it("When the port is taken by a broker that answers late, then it waits for it and starts nothing", async () => {
    const m = machine({ busy: true, answersAt: 20_000, installed: ["docker", "rabbitmq-server"] });

    await expect(ensureBroker(m.options)).resolves.toEqual({ host: "127.0.0.1", port: 5672 });
    expect(m.ran, "a second broker would fight the first for its name and files").toEqual([]);
  });

  it("When the port is taken and nothing answers, then it says to restart that broker, starts none", async () => {
    const m = machine({ busy: true, installed: ["rabbitmq-server"] });

    const error = await ensureBroker({ ...m.options, timeoutMs: 30_000 }).catch(String);

    expect(error).toContain("something listens on 127.0.0.1:5672 but has not answered");
    expect(error).toContain("rabbitmqctl stop");
    expect(m.ran).toEqual([]);
  });

  it("When Docker and rabbitmq-server are both there, then Docker is preferred", async () => {
    const m = machine({ installed: ["docker", "rabbitmq-server"] });

    const ready = await ensureBroker(m.options);

    expect(m.ran).toEqual([
      "docker compose version",
      "docker info",
      "docker compose up -d rabbitmq",
    ]);
    expect(ready.started).toMatchObject({ by: "docker", stop: "docker compose stop rabbitmq" });
  });

  it("When the Docker client is there but not its daemon, then rabbitmq-server starts", async () => {
    const m = machine({ installed: ["docker", "rabbitmq-server"], dockerRuns: false });

    const ready = await ensureBroker(m.options);

    expect(m.ran).toEqual(["docker compose version", "rabbitmq-server -detached"]);
    expect(ready.started?.by).toBe("rabbitmq-server");
  });

  it("When neither Docker nor rabbitmq-server is installed, then it fails with today's message", async () => {
    const m = machine();

    await expect(ensureBroker(m.options)).rejects.toThrow(TODAY);
    expect(m.ran).toEqual([]);
  });

  it("When AMQP_URL names another address, then it never starts one, whatever is installed", async () => {
    for (const amqpUrl of [
      "amqp://guest:guest@rabbit.example:5672",
      "amqp://guest:guest@127.0.0.1:5673",
    ]) {
      const m = machine({ installed: ["docker", "rabbitmq-server"] });

      await expect(ensureBroker({ ...m.options, amqpUrl })).rejects.toThrow(
        "RabbitMQ is not reachable at",
      );
      expect(m.ran).toEqual([]);
    }
  });

  it("When AMQP_HOSTS lists a cluster whose first node is down, then another that answers will do", async () => {
    const m = machine({ installed: ["rabbitmq-server"] });
    const answering = { ...m.seams, probe: async (_: string, port: number) => port === 5702 };
    const hosts = ["127.0.0.1:5701", "127.0.0.1:5702", "127.0.0.1:5703"];

    const ready = await ensureBroker({ ...m.options, hosts, seams: answering });

    expect(ready).toEqual({ host: "127.0.0.1", port: 5702 });
    expect(m.ran, "nothing started").toEqual([]);
  });

  it("When no node of the cluster answers, then it says how to start the cluster and starts nothing", async () => {
    const m = machine({ installed: ["docker", "rabbitmq-server"] });

    await expect(
      ensureBroker({ ...m.options, hosts: ["127.0.0.1:5701", "127.0.0.1:5702"] }),
    ).rejects.toThrow(
      "No node of the cluster answers (AMQP_HOSTS: 127.0.0.1:5701, 127.0.0.1:5702). Start it with `npm run cluster -- up`",
    );
    expect(m.ran).toEqual([]);
  });

  it("When a start fails, then the next is tried; at the end, their errors and today's fix", async () => {
    const m = machine({ installed: ["docker", "rabbitmq-server"], start: "fails" });

    const failure = ensureBroker(m.options);

    const why = "failed (exit code 1: port 5672 taken)";
    await expect(failure).rejects.toThrow(`\`docker compose up -d rabbitmq\` ${why}`);
    await expect(failure).rejects.toThrow(`\`rabbitmq-server -detached\` ${why}`);
    await expect(failure).rejects.toThrow(TODAY);
  });

  it("When the port does not open in time, then it gives up, says how to stop it", async () => {
    const m = machine({ installed: ["rabbitmq-server"], start: "nothing" });

    await expect(ensureBroker({ ...m.options, timeoutMs: 60_000 })).rejects.toThrow(
      "nothing answered on 127.0.0.1:5672 within 60 s. " +
        "It may still be starting (stop it with `rabbitmqctl stop`)",
    );
  });

  it("planBroker says what it would do without running a start command", async () => {
    const m = machine({ installed: ["rabbitmq-server"] });

    const plan = await planBroker(m.options);

    expect(plan).toMatchObject({
      action: "start",
      starters: [{ command: "rabbitmq-server -detached" }],
    });
    expect(m.ran).toEqual([]);
  });
});

describe("amqpAnswers: the probe ensureBroker waits on", () => {
  const servers: Server[] = [];
  afterEach(() => Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r)))));

  /** A local TCP server that, once the client speaks, answers with `reply` (or never). */
  function listening(reply?: Buffer): Promise<number> {
    const server = createServer((socket) => {
      socket.on("error", () => {});
      socket.once("data", () => reply && socket.write(reply));
    });
    servers.push(server);
    return new Promise((resolve) =>
      server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
    );
  }

  it("When the server starts the AMQP handshake, then it answers", async () => {
    const port = await listening(Buffer.from([1, 0, 0, 0, 0, 0, 4, 0, 10, 0, 10, 0xce]));

    expect(await amqpAnswers("127.0.0.1", port)).toBe(true);
  });

  it("When a port accepts but says nothing (Docker's forwarder, broker not ready), then not", async () => {
    const port = await listening();

    expect(await amqpAnswers("127.0.0.1", port, 300)).toBe(false);
  });

  it("When nothing listens, then not", async () => {
    expect(await amqpAnswers("127.0.0.1", await unusedPort())).toBe(false);
  });
});
