// The pieces that let test files share one shop per worker: the port each service gets, the
// settings each file asks for, and the teardown that must stop the shop's processes before it
// deletes their broker names.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { freePort, processIsAlive } from "../src/harness.ts";
import { applySettings, rememberSharedShop, sharedShopsSetup } from "../src/shared-shop.ts";

describe("freePort", () => {
  it("When many ports are asked for, then each is below every system's ephemeral range, and none comes twice", async () => {
    const ports = await Promise.all(Array.from({ length: 200 }, () => freePort()));

    // An outgoing connection can take an ephemeral port between its release and the service's bind.
    expect(ports.filter((port) => port < 20_000 || port >= 32_000)).toEqual([]);
    expect(new Set(ports).size).toBe(ports.length);
  });
});

describe("sharedShopsSetup", () => {
  it("When the run ends, then the shared shop's processes are stopped before its broker names are deleted", async () => {
    // Arrange: a "service" that would go on consuming (and declare its queues again) if left alive
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], {
      stdio: "ignore",
    });
    const seenAtDeletion: boolean[] = [];
    let folder = "";
    const teardown = sharedShopsSetup(async () => {
      seenAtDeletion.push(processIsAlive(child.pid!));
    })({ provide: (_key, value) => (folder = value) });
    rememberSharedShop(folder, "test-abcd.03-pubsub.", [child.pid!]);

    // Act
    await teardown();

    // Assert
    expect(seenAtDeletion).toEqual([false]);
  });
});

describe("applySettings", () => {
  const restarts = () => {
    const seen: string[] = [];
    const restartWith = async (name: string, settings: Record<string, string> | undefined) => {
      seen.push(`${name}=${JSON.stringify(settings ?? "defaults")}`);
    };
    return { seen, restartWith };
  };

  it("When files follow each other, then only services whose settings change are restarted", async () => {
    const applied = {};
    const { seen, restartWith } = restarts();

    const restarted = [
      await applySettings(applied, { orders: { A: "1" } }, restartWith),
      await applySettings(applied, { orders: { A: "1" }, web: { B: "2" } }, restartWith),
      await applySettings(applied, {}, restartWith),
      await applySettings(applied, {}, restartWith),
    ];

    expect(restarted).toEqual([["orders"], ["web"], ["orders", "web"], []]);
    expect(seen).toEqual([
      'orders={"A":"1"}',
      'web={"B":"2"}',
      'orders="defaults"',
      'web="defaults"',
    ]);
  });

  it("When a restart fails, then the next file restarts that service again", async () => {
    const applied = {};
    const { seen, restartWith } = restarts();
    const failing = async () => {
      throw new Error("did not start");
    };

    await expect(applySettings(applied, { orders: { A: "1" } }, failing)).rejects.toThrow(
      "did not start",
    );
    await applySettings(applied, {}, restartWith);

    expect(seen).toEqual(['orders="defaults"']);
  });
});
