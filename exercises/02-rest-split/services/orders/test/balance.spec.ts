// Round robin across payments instances, with an instance that was unavailable set aside a
// while. Pure: the calls are promises made here, the clock is a number moved by hand.
import { describe, expect, it } from "vitest";
import { DependencyUnavailable } from "@shop/kit";
import { inOrder, roundRobin, SET_ASIDE_MS } from "../../../balance.ts";

const instances = ["a", "b", "c"];
const unavailable = () => Promise.reject(new DependencyUnavailable("payments", "answered 503"));
const failed = (call: Promise<unknown>) => call.catch(() => undefined);

describe("roundRobin", () => {
  it("When calls come one after another, then each starts one further along, the rest behind", () => {
    const balancer = roundRobin(instances);

    const firsts = Array.from({ length: 4 }, () => balancer.order());

    expect(firsts).toEqual([
      ["a", "b", "c"],
      ["b", "c", "a"],
      ["c", "a", "b"],
      ["a", "b", "c"],
    ]);
  });

  it("When an instance was unavailable, then it is asked last until SET_ASIDE_MS has passed", async () => {
    let clock = 1_000;
    const balancer = roundRobin(instances, { now: () => clock });
    await failed(balancer.track("a", unavailable()));

    expect(balancer.order(), "a's turn, but a just failed").toEqual(["b", "c", "a"]);
    clock += SET_ASIDE_MS - 1;
    expect(balancer.order()).toEqual(["b", "c", "a"]);
    clock += 1;
    expect(balancer.order(), "its time is up: back in turn").toEqual(["c", "a", "b"]);
  });

  it("When a set-aside instance answers again, then it is back in turn at once", async () => {
    const clock = 1_000;
    const balancer = roundRobin(instances, { now: () => clock });
    await failed(balancer.track("b", unavailable()));

    await balancer.track("b", Promise.resolve("charged"));

    expect(balancer.order()).toEqual(["a", "b", "c"]);
    expect(balancer.order()).toEqual(["b", "c", "a"]);
  });

  it("When an instance gives an answer that is a refusal, then it stays in turn: it is up", async () => {
    const balancer = roundRobin(instances, { now: () => 1_000 });
    const declined = Promise.reject(Object.assign(new Error("declined"), { code: "DECLINED" }));

    await failed(balancer.track("a", declined));

    expect(balancer.order()).toEqual(["a", "b", "c"]);
  });

  it("When every instance is set aside, then all are still asked, in turn", async () => {
    const balancer = roundRobin(instances, { now: () => 1_000 });
    for (const instance of instances) await failed(balancer.track(instance, unavailable()));

    expect(balancer.order()).toEqual(["a", "b", "c"]);
    expect(balancer.order()).toEqual(["b", "c", "a"]);
  });

  it("When a call is tracked, then its answer or its error passes through unchanged", async () => {
    const balancer = roundRobin(instances);
    const error = new DependencyUnavailable("payments", "timed out");

    await expect(balancer.track("a", Promise.resolve(42))).resolves.toBe(42);
    await expect(balancer.track("a", Promise.reject(error))).rejects.toBe(error);
  });
});

describe("inOrder (exercise 02.4's tests)", () => {
  it("When calls come one after another, then each asks the first first", () => {
    const balancer = inOrder(instances);

    expect([balancer.order(), balancer.order()]).toEqual([instances, instances]);
  });
});
