// Each step owns its names on the broker, so one step never consumes another's messages.
import { describe, expect, it } from "vitest";
import { brokerNamespace } from "../src/index.ts";

describe("A step's prefix on the broker", () => {
  it("When two steps run with the same environment, then their prefixes differ: each is the step's folder", () => {
    expect(brokerNamespace("/repo/steps/03-pubsub", {})).toBe("03-pubsub.");
    expect(brokerNamespace("/repo/steps/04-event-sourcing", {})).toBe("04-event-sourcing.");
  });

  it("When the step is the learner's copy in exercises/, then it has names of its own (its own databases)", () => {
    expect(brokerNamespace("/repo/exercises/03-pubsub", {})).toBe("mine-03-pubsub.");
  });

  it("When SHOP_NAMESPACE is set (a test run), then it goes in front and the steps still differ", () => {
    const env = { SHOP_NAMESPACE: "test-1a2b." };
    expect(brokerNamespace("/repo/steps/03-pubsub", env)).toBe("test-1a2b.03-pubsub.");
    expect(brokerNamespace("/repo/steps/04-event-sourcing", env)).toBe(
      "test-1a2b.04-event-sourcing.",
    );
  });
});
