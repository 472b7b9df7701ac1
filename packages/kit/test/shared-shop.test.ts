// The pieces that let test files share one shop per worker: the port each service gets, and the
// teardown that must stop the shop's processes before it deletes their broker names.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { freePort, processIsAlive } from "../src/harness.ts";
import { rememberSharedShop, sharedShopsSetup } from "../src/shared-shop.ts";

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
