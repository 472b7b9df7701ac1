import { describe, expect, it } from "vitest";
import { assertBrokerReachable } from "../src/index.ts";
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
