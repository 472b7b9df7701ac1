import { afterEach, describe, expect, it } from "vitest";
import { amqpHosts, assertBrokerReachable } from "../src/index.ts";
import { unusedPort } from "./free-port.ts";

describe("RabbitMQ reachability check", () => {
  it("When nothing listens on the broker's port, then it fails at once with the command that starts one", async () => {
    const port = await unusedPort();
    await expect(assertBrokerReachable(`amqp://guest:guest@127.0.0.1:${port}`)).rejects.toThrow(
      `RabbitMQ is not reachable at 127.0.0.1:${port}. Start one with \`docker compose up -d rabbitmq\``,
    );
  });

  it("When the machine's broker listens on 127.0.0.1:5672, then it resolves", async () => {
    await expect(
      assertBrokerReachable("amqp://guest:guest@127.0.0.1:5672"),
    ).resolves.toBeUndefined();
  });
});

describe("AMQP_HOSTS: a cluster's nodes", () => {
  it("When it lists nodes, then each one is a host, in its order; unset or empty, there is none", () => {
    const AMQP_HOSTS = "127.0.0.1:5701, 127.0.0.1:5702,127.0.0.1:5703";
    expect(amqpHosts({ AMQP_HOSTS })).toEqual([
      "127.0.0.1:5701",
      "127.0.0.1:5702",
      "127.0.0.1:5703",
    ]);
    expect(amqpHosts({})).toBeUndefined();
    expect(amqpHosts({ AMQP_HOSTS: " , " })).toBeUndefined();
  });

  it("When a node is not host:port, then it names that node", () => {
    expect(() => amqpHosts({ AMQP_HOSTS: "127.0.0.1:5701,amqp://127.0.0.1" })).toThrow(
      'AMQP_HOSTS: "amqp://127.0.0.1" is not host:port',
    );
    expect(() => amqpHosts({ AMQP_HOSTS: "127.0.0.1" })).toThrow('"127.0.0.1" is not host:port');
  });

  it("When a node is an IPv6 address, then it says to use a name or IPv4 (the client cannot)", () => {
    expect(() => amqpHosts({ AMQP_HOSTS: "[::1]:5701" })).toThrow(
      'AMQP_HOSTS: "[::1]:5701": use a host name or an IPv4 address, not IPv6',
    );
  });
});

describe("RabbitMQ reachability on a cluster (AMQP_HOSTS)", () => {
  const saved = process.env.AMQP_HOSTS;
  afterEach(() => {
    if (saved === undefined) delete process.env.AMQP_HOSTS;
    else process.env.AMQP_HOSTS = saved;
  });

  it("When the first node is down and another answers, then it resolves", async () => {
    process.env.AMQP_HOSTS = `127.0.0.1:${await unusedPort()},127.0.0.1:5672`;

    await expect(assertBrokerReachable()).resolves.toBeUndefined();
  });

  it("When no node answers, then it says so, naming them", async () => {
    const [a, b] = [await unusedPort(), await unusedPort()];
    process.env.AMQP_HOSTS = `127.0.0.1:${a},127.0.0.1:${b}`;

    await expect(assertBrokerReachable()).rejects.toThrow(
      `No node of the cluster answers (AMQP_HOSTS: 127.0.0.1:${a}, 127.0.0.1:${b})`,
    );
  });
});
