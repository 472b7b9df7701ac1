// `workshop check` asks for a broker only for the steps that need one (services.json's
// needsBroker); the broker start itself is a fake here (tested in the kit), or an address that
// ensureBroker never starts a broker for.
import { rmSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { brokerFor } from "../src/broker.ts";
import { allExercises } from "../src/exercises.ts";
import { makeTempWorkshop, repoRoot, workshop } from "./temp-workshop.ts";
import { unusedPort } from "../../kit/test/free-port.ts";

const exercise = (step: string) => allExercises(repoRoot).find((e) => e.step.number === step)!;
const printed = vi.spyOn(console, "log").mockImplementation(() => {});
afterEach(() => printed.mockClear());

describe("workshop check and the broker", () => {
  it("When the exercise's step needs no broker (01), then no broker is asked for", async () => {
    const ensure = vi.fn(async () => {});

    expect(await brokerFor(exercise("01"), ensure)).toBe(true);
    expect(ensure).not.toHaveBeenCalled();
  });

  it("When the step needs one (03), then it is ensured before the tests run", async () => {
    const ensure = vi.fn(async () => {});

    expect(await brokerFor(exercise("03"), ensure)).toBe(true);
    expect(ensure).toHaveBeenCalledOnce();
  });

  it("When none can be had, then it is not checked, with why; the next one does not wait again", async () => {
    const unreachable = new Error("RabbitMQ is not reachable at 127.0.0.1:5672.");
    const ensure = vi.fn(async () => Promise.reject(unreachable));
    const [first, second] = allExercises(repoRoot).filter((e) => e.step.number === "03");

    expect(await brokerFor(first!, ensure)).toBe(false);
    expect(await brokerFor(second!, ensure)).toBe(false);
    expect(ensure).toHaveBeenCalledOnce();
    expect(String(printed.mock.calls[0])).toContain(`${first!.id} not checked: it needs RabbitMQ.`);
    expect(String(printed.mock.calls[1])).toContain("RabbitMQ is not reachable at 127.0.0.1:5672.");
  });
});

describe("npx workshop check on step 03 without a broker it may start", () => {
  it("When AMQP_URL names a broker that is down, then check says so and records nothing", async () => {
    const root = makeTempWorkshop("03-pubsub");
    const id = exercise("03").id;
    const before = process.env.AMQP_URL;
    process.env.AMQP_URL = `amqp://guest:guest@127.0.0.1:${await unusedPort()}`;
    try {
      const check = await workshop(root, "check", id);
      const list = await workshop(root, "list");

      expect(check.code).toBe(1);
      expect(check.out).toContain(`✗ ${id} not checked: it needs RabbitMQ.`);
      expect(check.out).toContain("RabbitMQ is not reachable at 127.0.0.1:");
      expect(list.out).toContain(`· ${id}`);
    } finally {
      if (before === undefined) delete process.env.AMQP_URL;
      else process.env.AMQP_URL = before;
      rmSync(root, { recursive: true, force: true });
    }
  });
});
